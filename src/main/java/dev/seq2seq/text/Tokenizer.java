package dev.seq2seq.text;

import java.util.List;

/** Turns text into vocabulary ids and back. Implementations are immutable and thread-safe. */
public interface Tokenizer {
    Vocabulary vocabulary();

    /** The subword pieces of a text (after normalization); never throws on any string. */
    List<String> pieces(String text);

    /** Ids of {@link #pieces(String)}, without BOS/EOS. */
    int[] encode(String text);

    /** The text of a sequence of ids; special tokens are skipped. */
    String decode(int[] ids);
}

package dev.seq2seq.inference;

import dev.seq2seq.inference.Seq2SeqModel.Generation;
import java.util.List;

/** How services get text decoded; {@link Batchers} is the implementation the service uses. */
public interface Generator {
    List<List<Generation>> generate(Seq2SeqModel model, List<String> texts, DecodingOptions options);
}

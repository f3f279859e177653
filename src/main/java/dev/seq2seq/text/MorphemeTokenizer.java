package dev.seq2seq.text;

import java.util.List;

/** A tokenizer that reads Korean cut into morphemes ({@link KoreanMorphemes}) first: "먹을까" is read as "먹 을까". */
public final class MorphemeTokenizer implements Tokenizer {
    private final Tokenizer pieces;

    public MorphemeTokenizer(Tokenizer pieces) {
        this.pieces = pieces;
    }

    @Override
    public Vocabulary vocabulary() {
        return pieces.vocabulary();
    }

    @Override
    public List<String> pieces(String text) {
        return pieces.pieces(KoreanMorphemes.segment(text));
    }

    @Override
    public int[] encode(String text) {
        return pieces.encode(KoreanMorphemes.segment(text));
    }

    @Override
    public String decode(int[] ids) {
        return pieces.decode(ids);
    }
}

package dev.seq2seq.search;

/**
 * A step that presents every source of another step {@code copies} times, copy j of source s at
 * row {@code s * copies + j}, all attending to the one encoding of that source: how a search draws
 * several samples per source without encoding it again.
 */
final class ReplicatedStep implements DecoderStep {
    private final DecoderStep inner;
    private final int copies;

    ReplicatedStep(DecoderStep inner, int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1, not " + copies);
        }
        this.inner = inner;
        this.copies = copies;
    }

    @Override public int sources() { return inner.sources() * copies; }
    @Override public int vocabularySize() { return inner.vocabularySize(); }
    @Override public int startToken() { return inner.startToken(); }
    @Override public int endToken() { return inner.endToken(); }

    @Override
    public DecoderState initialState() {
        int[] rows = new int[sources()];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = r / copies;
        }
        return inner.select(inner.initialState(), rows);
    }

    @Override
    public float[] logProbs(DecoderState state, int[] previousTokens) {
        return inner.logProbs(state, previousTokens);
    }

    @Override
    public DecoderState select(DecoderState state, int[] rows) {
        return inner.select(state, rows);
    }
}

package dev.seq2seq.search;

import java.util.BitSet;

/**
 * A step that never lets a source's rows write certain tokens: their log-probabilities become
 * -infinity and the rest of the row is renormalized, so every search still sees a distribution
 * (CTranslate2's {@code suppress_sequences} for single tokens). The translation path bans the
 * pieces with a digit for a source that has no digit of its own: its numbers went through the
 * model as placeholders, so any digit the model wrote would be invented.
 */
public final class BannedTokens implements DecoderStep {
    private final DecoderStep inner;
    private final BitSet[] banned;

    /**
     * @param inner  the step to restrict
     * @param banned per source of {@code inner}, the token ids it may not write (null or empty: none)
     */
    public BannedTokens(DecoderStep inner, BitSet[] banned) {
        if (banned.length != inner.sources()) {
            throw new IllegalArgumentException(banned.length + " banned sets for " + inner.sources() + " sources");
        }
        for (BitSet b : banned) {
            if (b != null && (b.get(inner.endToken()) || b.length() > inner.vocabularySize())) {
                throw new IllegalArgumentException("the end token and ids outside the vocabulary cannot be banned");
            }
        }
        this.inner = inner;
        this.banned = banned.clone();
    }

    @Override public int sources() { return inner.sources(); }
    @Override public int vocabularySize() { return inner.vocabularySize(); }
    @Override public int startToken() { return inner.startToken(); }
    @Override public int endToken() { return inner.endToken(); }
    @Override public DecoderState initialState() { return inner.initialState(); }
    @Override public DecoderState select(DecoderState state, int[] rows) { return inner.select(state, rows); }

    @Override
    public float[] logProbs(DecoderState state, int[] previousTokens) {
        float[] logProbs = inner.logProbs(state, previousTokens);
        int v = vocabularySize();
        for (int r = 0; r < state.rows(); r++) {
            BitSet b = banned[state.source(r)];
            if (b == null || b.isEmpty()) {
                continue;
            }
            int base = r * v;
            for (int t = b.nextSetBit(0); t >= 0; t = b.nextSetBit(t + 1)) {
                logProbs[base + t] = Float.NEGATIVE_INFINITY;
            }
            float max = Float.NEGATIVE_INFINITY;
            for (int t = 0; t < v; t++) {
                max = Math.max(max, logProbs[base + t]);
            }
            if (max == Float.NEGATIVE_INFINITY) {   // the step itself ruled out every token left: nothing to renormalize
                continue;
            }
            float sum = 0;   // from 1 (the largest's own term) up: LogSpace as in Matrices.logSoftmax
            for (int t = 0; t < v; t++) {
                sum += LogSpace.expNonPositive(logProbs[base + t] - max);
            }
            float shift = max + LogSpace.logAtLeastOne(sum);
            for (int t = 0; t < v; t++) {
                logProbs[base + t] -= shift;
            }
        }
        return logProbs;
    }
}

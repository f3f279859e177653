package dev.seq2seq.search;

import java.util.List;

/**
 * Several models over the same vocabularies decoding as one: each step runs every member on the
 * same hypotheses and returns the log of the mean of their next-token probabilities (as fairseq's
 * ensembles do), so the searches see an ordinary normalized distribution. Members may differ in
 * size; they must agree on the sources, the vocabulary and the special tokens. For a small batch (one
 * request's beam) the members step side by side on the machine's other cores ({@link SideBySide}).
 */
public final class EnsembleStep implements DecoderStep {
    private final List<DecoderStep> members;

    /** The members' states, row for row. */
    record State(DecoderState[] members) implements DecoderState {
        @Override public int rows() { return members[0].rows(); }
        @Override public int source(int row) { return members[0].source(row); }
    }

    public EnsembleStep(List<DecoderStep> members) {
        if (members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two members, not " + members.size());
        }
        DecoderStep first = members.get(0);
        for (DecoderStep m : members) {
            if (m.sources() != first.sources() || m.vocabularySize() != first.vocabularySize()
                    || m.startToken() != first.startToken() || m.endToken() != first.endToken()) {
                throw new IllegalArgumentException("ensemble members differ in sources, vocabulary or special tokens");
            }
        }
        this.members = List.copyOf(members);
    }

    @Override public int sources() { return members.get(0).sources(); }
    @Override public int vocabularySize() { return members.get(0).vocabularySize(); }
    @Override public int startToken() { return members.get(0).startToken(); }
    @Override public int endToken() { return members.get(0).endToken(); }

    @Override
    public DecoderState initialState() {
        DecoderState[] states = new DecoderState[members.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = members.get(i).initialState();
        }
        return new State(states);
    }

    @Override
    public float[] logProbs(DecoderState state, int[] previousTokens) {
        DecoderState[] states = ((State) state).members();
        List<Integer> indices = java.util.stream.IntStream.range(0, members.size()).boxed().toList();
        float[][] each = SideBySide.map(indices, i -> members.get(i).logProbs(states[i], previousTokens),
                state.rows() <= SideBySide.SMALL_ROWS).toArray(float[][]::new);
        return meanOfProbabilities(each);
    }

    /**
     * log((1/K) sum_k exp(x_k)) entry by entry, shifted by the largest x_k so that nothing
     * overflows (the shifted sum is between 1 and K, where {@link LogSpace} is exact to float accuracy).
     */
    static float[] meanOfProbabilities(float[][] logProbs) {
        int k = logProbs.length;
        float logK = (float) Math.log(k);
        int v = logProbs[0].length;
        float[] max = logProbs[0].clone();
        for (int i = 1; i < k; i++) {
            float[] m = logProbs[i];
            for (int j = 0; j < v; j++) {
                max[j] = Math.max(max[j], m[j]);
            }
        }
        float[] sum = new float[v];   // of exp(x_k - max) over the members, from 1 (the largest's) to K
        for (float[] m : logProbs) {
            for (int j = 0; j < v; j++) {
                sum[j] += LogSpace.expNonPositive(m[j] - max[j]);
            }
        }
        for (int j = 0; j < v; j++) {
            if (max[j] != Float.NEGATIVE_INFINITY) {   // an entry every member rules out stays ruled out
                max[j] += LogSpace.logAtLeastOne(sum[j]) - logK;
            }
        }
        return max;
    }

    @Override
    public DecoderState select(DecoderState state, int[] rows) {
        DecoderState[] states = ((State) state).members();
        DecoderState[] next = new DecoderState[states.length];
        for (int i = 0; i < states.length; i++) {
            next[i] = members.get(i).select(states[i], rows);
        }
        return new State(next);
    }
}

package dev.seq2seq.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One hypothesis per source, extended a token at a time by {@link #choose}; a source stops at the
 * end token or at its length limit, and finished rows leave the batch. Greedy search and sampling
 * differ only in how they choose. An instance serves one search at a time; {@link
 * DecodingOptions#searchStrategy()} makes a new one per call.
 */
abstract class SingleHypothesisSearch implements SearchStrategy {

    /** Prepares per-search state (e.g. random generators) for this many sources. */
    protected abstract void start(int sources, DecodingOptions options);

    /** The next token of source {@code source} given its log-probabilities at scores[offset, offset + vocab). */
    protected abstract int choose(int source, float[] scores, int offset, int vocab, DecodingOptions options);

    @Override
    public List<List<Hypothesis>> search(DecoderStep step, DecodingOptions options, int[] maxLengths) {
        int n = step.sources();
        int vocab = step.vocabularySize();
        int[] limit = SearchStrategy.limits(options, maxLengths, n);
        start(n, options);
        int[][] tokens = new int[n][];
        for (int s = 0; s < n; s++) {
            tokens[s] = new int[limit[s]];
        }
        int[] lengths = new int[n];
        double[] logProbs = new double[n];
        boolean[] ended = new boolean[n];
        int[] alive = new int[n];          // sources still decoding, in state-row order
        Arrays.setAll(alive, i -> i);
        int[] previous = new int[n];
        Arrays.fill(previous, step.startToken());
        DecoderState state = step.initialState();
        for (int t = 0; t < options.maxLength() && alive.length > 0; t++) {
            float[] scores = step.logProbs(state, previous);
            List<Integer> keep = new ArrayList<>();
            for (int r = 0; r < alive.length; r++) {
                int s = alive[r];
                SearchStrategy.banRepeatedNgrams(tokens[s], lengths[s], options.noRepeatNgram(), scores, r * vocab);
                int token = choose(s, scores, r * vocab, vocab, options);
                logProbs[s] += scores[r * vocab + token];
                if (token == step.endToken()) {
                    ended[s] = true;
                } else {
                    tokens[s][lengths[s]++] = token;
                    if (lengths[s] < limit[s]) {
                        keep.add(r);
                    }
                }
            }
            int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
            int[] nextAlive = new int[rows.length];
            previous = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                nextAlive[i] = alive[rows[i]];
                previous[i] = tokens[nextAlive[i]][lengths[nextAlive[i]] - 1];
            }
            if (rows.length > 0 && rows.length != alive.length) {
                state = step.select(state, rows);
            }
            alive = nextAlive;
        }
        List<List<Hypothesis>> out = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            out.add(List.of(new Hypothesis(Arrays.copyOf(tokens[s], lengths[s]), logProbs[s], logProbs[s], ended[s])));
        }
        return out;
    }
}

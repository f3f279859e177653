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
        Partial partial = new Partial(SearchStrategy.limits(options, maxLengths, n));
        start(n, options);
        int[] alive = new int[n];          // sources still decoding, in state-row order
        Arrays.setAll(alive, i -> i);
        int[] previous = new int[n];
        Arrays.fill(previous, step.startToken());
        DecoderState state = step.initialState();
        for (int t = 0; t < options.maxLength() && alive.length > 0; t++) {
            int[] rows = extend(step, options, partial, alive, step.logProbs(state, previous));
            int[] nextAlive = new int[rows.length];
            previous = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                nextAlive[i] = alive[rows[i]];
                previous[i] = partial.last(nextAlive[i]);
            }
            if (rows.length > 0 && rows.length != alive.length) {
                state = step.select(state, rows);
            }
            alive = nextAlive;
        }
        return partial.hypotheses();
    }

    /**
     * Extends the hypothesis of each alive row by the token {@link #choose} picks from its scores;
     * returns the rows (indices into {@code alive}) that go on: not ended, not at their limit.
     */
    private int[] extend(DecoderStep step, DecodingOptions options, Partial partial, int[] alive, float[] scores) {
        int vocab = step.vocabularySize();
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < alive.length; r++) {
            int s = alive[r];
            SearchStrategy.banRepeatedNgrams(partial.tokens[s], partial.lengths[s], options.noRepeatNgram(), scores, r * vocab);
            int token = choose(s, scores, r * vocab, vocab, options);
            partial.logProbs[s] += scores[r * vocab + token];
            if (token == step.endToken()) {
                partial.ended[s] = true;
            } else {
                partial.tokens[s][partial.lengths[s]++] = token;
                if (partial.lengths[s] < partial.limit[s]) {
                    keep.add(r);
                }
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The hypothesis of each source while it grows: its tokens, their log-probability, whether it ended. */
    private static final class Partial {
        final int[] limit;
        final int[][] tokens;
        final int[] lengths;
        final double[] logProbs;
        final boolean[] ended;

        Partial(int[] limit) {
            int n = limit.length;
            this.limit = limit;
            this.tokens = new int[n][];
            for (int s = 0; s < n; s++) {
                tokens[s] = new int[limit[s]];
            }
            this.lengths = new int[n];
            this.logProbs = new double[n];
            this.ended = new boolean[n];
        }

        int last(int source) {
            return tokens[source][lengths[source] - 1];
        }

        List<List<Hypothesis>> hypotheses() {
            List<List<Hypothesis>> out = new ArrayList<>(tokens.length);
            for (int s = 0; s < tokens.length; s++) {
                out.add(List.of(new Hypothesis(Arrays.copyOf(tokens[s], lengths[s]), logProbs[s], logProbs[s], ended[s])));
            }
            return out;
        }
    }
}

package dev.seq2seq.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws each token from the model's distribution, sharpened or flattened by the temperature and
 * limited to the top-k tokens and the top-p probability mass, with optional no-repeat-n-gram
 * blocking. Each source has its own generator seeded from the options, so a seeded request gives
 * the same reply whatever else shares its batch.
 */
public final class SamplingSearch implements SearchStrategy {
    @Override
    public List<List<Hypothesis>> search(DecoderStep step, DecodingOptions options) {
        int n = step.sources();
        int vocab = step.vocabularySize();
        SplittableRandom[] random = new SplittableRandom[n];
        for (int s = 0; s < n; s++) {
            random[s] = options.seed() == null ? new SplittableRandom() : new SplittableRandom(options.seed());
        }
        int[][] tokens = new int[n][options.maxLength()];
        int[] lengths = new int[n];
        double[] logProbs = new double[n];
        boolean[] ended = new boolean[n];
        int[] alive = new int[n];
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
                int token = sample(scores, r * vocab, vocab, options, random[s]);
                logProbs[s] += scores[r * vocab + token];
                if (token == step.endToken()) {
                    ended[s] = true;
                } else {
                    tokens[s][lengths[s]++] = token;
                    keep.add(r);
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
            out.add(List.of(new Hypothesis(Arrays.copyOf(tokens[s], lengths[s]), logProbs[s], logProbs[s])));
        }
        return out;
    }

    static int sample(float[] logProbs, int offset, int vocab, DecodingOptions options, SplittableRandom random) {
        int limit = options.topK() > 0 ? Math.min(options.topK(), vocab) : vocab;
        int[] order;
        if (limit < vocab) {
            order = BeamSearch.topTokens(logProbs, offset, vocab, limit);
        } else if (options.topP() < 1) {
            order = sortedAll(logProbs, offset, vocab);
        } else {
            order = new int[vocab];
            Arrays.setAll(order, i -> i);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int v : order) {
            max = Math.max(max, logProbs[offset + v]);
        }
        double[] weights = new double[order.length];
        double total = 0;
        for (int i = 0; i < order.length; i++) {
            double lp = logProbs[offset + order[i]];
            weights[i] = Double.isInfinite(lp) ? 0 : Math.exp((lp - max) / options.temperature());
            total += weights[i];
        }
        if (!(total > 0)) {
            return order[0];   // everything banned: fall back to the first candidate
        }
        int count = order.length;
        if (options.topP() < 1) {
            double mass = 0;
            for (int i = 0; i < order.length; i++) {
                mass += weights[i] / total;
                if (mass >= options.topP()) {
                    count = i + 1;
                    break;
                }
            }
            total = 0;
            for (int i = 0; i < count; i++) {
                total += weights[i];
            }
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < count; i++) {
            u -= weights[i];
            if (u < 0) {
                return order[i];
            }
        }
        return order[count - 1];
    }

    private static int[] sortedAll(float[] logProbs, int offset, int vocab) {
        return java.util.stream.IntStream.range(0, vocab).boxed()
                .sorted((a, b) -> Float.compare(logProbs[offset + b], logProbs[offset + a]))
                .mapToInt(Integer::intValue).toArray();
    }
}

package dev.seq2seq.inference;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws each token from the model's distribution, sharpened or flattened by the temperature and
 * limited to the top-k tokens and the top-p probability mass, with optional no-repeat-n-gram
 * blocking. Each source has its own generator seeded from the options, so a seeded request gives
 * the same reply whatever else shares its batch.
 */
public final class SamplingSearch extends SingleHypothesisSearch {
    private SplittableRandom[] random;

    @Override
    protected void start(int sources, DecodingOptions options) {
        random = new SplittableRandom[sources];
        for (int s = 0; s < sources; s++) {
            random[s] = options.seed() == null ? new SplittableRandom() : new SplittableRandom(options.seed());
        }
    }

    @Override
    protected int choose(int source, float[] scores, int offset, int vocab, DecodingOptions options) {
        return sample(scores, offset, vocab, options, random[source]);
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

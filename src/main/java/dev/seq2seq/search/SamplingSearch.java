package dev.seq2seq.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws each token from the model's distribution, sharpened or flattened by the temperature and
 * limited to the top-k tokens and the top-p probability mass, with optional no-repeat-n-gram
 * blocking. Each source has its own generator seeded from the options, so a seeded request gives
 * the same reply whatever else shares its batch. With {@code samples} above 1 each source is decoded
 * that many times in one batch (sample 0 seeded with the seed, so it is the plain sample) and
 * its samples are returned in that order.
 */
public final class SamplingSearch extends SingleHypothesisSearch {
    private SplittableRandom[] random;

    @Override
    public List<List<Hypothesis>> search(DecoderStep step, DecodingOptions options, int[] maxLengths) {
        int k = options.samples();
        if (k == 1) {
            return super.search(step, options, maxLengths);
        }
        int[] limits = SearchStrategy.limits(options, maxLengths, step.sources());
        int[] copied = new int[limits.length * k];
        for (int r = 0; r < copied.length; r++) {
            copied[r] = limits[r / k];
        }
        List<List<Hypothesis>> rows = super.search(new ReplicatedStep(step, k), options, copied);
        List<List<Hypothesis>> out = new ArrayList<>(step.sources());
        for (int s = 0; s < step.sources(); s++) {
            List<Hypothesis> samples = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                samples.add(rows.get(s * k + j).get(0));
            }
            out.add(samples);
        }
        return out;
    }

    @Override
    protected void start(int sources, DecodingOptions options) {
        random = new SplittableRandom[sources];
        for (int r = 0; r < sources; r++) {   // row r is sample r % samples of its source
            random[r] = options.seed() == null ? new SplittableRandom() : new SplittableRandom(sampleSeed(options.seed(), r % options.samples()));
        }
    }

    /**
     * The seed of sample j: the seed itself for sample 0 (the plain sample), then steps of the
     * golden-ratio constant, so that nearby seeds (s and s + 1) share no sample.
     */
    static long sampleSeed(long seed, int sample) {
        return seed + sample * 0x9E3779B97F4A7C15L;
    }

    @Override
    protected int choose(int source, float[] scores, int offset, int vocab, DecodingOptions options) {
        return sample(scores, offset, vocab, options, random[source]);
    }

    static int sample(float[] logProbs, int offset, int vocab, DecodingOptions options, SplittableRandom random) {
        int[] order = candidates(logProbs, offset, vocab, options);
        double[] weights = weights(logProbs, offset, order, options.temperature());
        double total = sum(weights, order.length);
        if (!(total > 0)) {
            return order[0];   // everything banned: fall back to the first candidate
        }
        int count = order.length;
        if (options.topP() < 1) {
            count = nucleus(weights, total, options.topP());
            total = sum(weights, count);
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

    /** The tokens to draw from: the top-k, all of them by probability for top-p, or simply all. */
    private static int[] candidates(float[] logProbs, int offset, int vocab, DecodingOptions options) {
        int limit = options.topK() > 0 ? Math.min(options.topK(), vocab) : vocab;
        if (limit < vocab) {
            return BeamSearch.topTokens(logProbs, offset, vocab, limit);
        }
        if (options.topP() < 1) {
            return sortedAll(logProbs, offset, vocab);
        }
        int[] order = new int[vocab];
        Arrays.setAll(order, i -> i);
        return order;
    }

    /** Each candidate's probability, up to a common factor, at the temperature; 0 for a banned one. */
    private static double[] weights(float[] logProbs, int offset, int[] order, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int v : order) {
            max = Math.max(max, logProbs[offset + v]);
        }
        double[] weights = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            double lp = logProbs[offset + order[i]];
            weights[i] = Double.isInfinite(lp) ? 0 : Math.exp((lp - max) / temperature);
        }
        return weights;
    }

    /** How many of the candidates, most likely first, it takes to reach the top-p share of the mass. */
    private static int nucleus(double[] weights, double total, double topP) {
        double mass = 0;
        for (int i = 0; i < weights.length; i++) {
            mass += weights[i] / total;
            if (mass >= topP) {
                return i + 1;
            }
        }
        return weights.length;
    }

    private static double sum(double[] weights, int count) {
        double total = 0;
        for (int i = 0; i < count; i++) {
            total += weights[i];
        }
        return total;
    }

    private static int[] sortedAll(float[] logProbs, int offset, int vocab) {
        return java.util.stream.IntStream.range(0, vocab).boxed()
                .sorted((a, b) -> Float.compare(logProbs[offset + b], logProbs[offset + a]))
                .mapToInt(Integer::intValue).toArray();
    }
}

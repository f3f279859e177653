package dev.seq2seq.search;

import dev.seq2seq.request.InvalidInputException;

/**
 * How to decode, validated once: the strategy and its settings.
 *
 * @param beamSize        hypotheses kept per source (beam search; 1 for greedy and sampling)
 * @param nBest           hypotheses returned per source, at most {@code beamSize}
 * @param lengthPenalty   GNMT length-penalty exponent alpha: scores are logP / ((5 + length) / 6)^alpha
 * @param maxLength       most target tokens generated, EOS included
 * @param temperature     sampling temperature (> 0)
 * @param topK            sample among the k most likely tokens only (0: no limit)
 * @param topP            sample among the smallest set of tokens whose probability reaches p (1: no limit)
 * @param seed            sampling seed, or null for a fresh random one; the same seed and source give the same output
 * @param noRepeatNgram   never repeat an n-gram of this size within a hypothesis (0: off)
 * @param samples         sampling: draw this many candidates per source and return the one that
 *                        agrees most with the others (consensus, or minimum Bayes risk, decoding;
 *                        see {@link Consensus}); 1: return the single sample
 */
public record DecodingOptions(Strategy strategy, int beamSize, int nBest, double lengthPenalty, int maxLength,
                              double temperature, int topK, double topP, Long seed, int noRepeatNgram,
                              int samples) {

    public enum Strategy { GREEDY, BEAM, SAMPLING }

    public static final int MAX_BEAM = 32;
    public static final int MAX_LENGTH = 512;
    public static final int MAX_SAMPLES = 64;

    public DecodingOptions {
        if (strategy == null) {
            throw new IllegalArgumentException("strategy is required");
        }
        check(beamSize >= 1 && beamSize <= MAX_BEAM, "beamSize", "beamSize must be between 1 and " + MAX_BEAM + ", not " + beamSize);
        check(strategy == Strategy.BEAM || beamSize == 1, "beamSize", "beamSize must be 1 for " + strategy.name().toLowerCase());
        check(nBest >= 1 && nBest <= beamSize, "nBest", "nBest must be between 1 and beamSize (" + beamSize + "), not " + nBest);
        check(lengthPenalty >= 0 && lengthPenalty <= 5, "lengthPenalty", "lengthPenalty must be between 0 and 5, not " + lengthPenalty);
        check(maxLength >= 1 && maxLength <= MAX_LENGTH, "maxLength", "maxLength must be between 1 and " + MAX_LENGTH + ", not " + maxLength);
        check(temperature > 0 && temperature <= 10, "temperature", "temperature must be in (0, 10], not " + temperature);
        check(topK >= 0, "topK", "topK must be 0 (off) or positive, not " + topK);
        check(topP > 0 && topP <= 1, "topP", "topP must be in (0, 1], not " + topP);
        check(noRepeatNgram >= 0 && noRepeatNgram <= 10, "noRepeatNgram", "noRepeatNgram must be between 0 (off) and 10, not " + noRepeatNgram);
        check(samples >= 1 && samples <= MAX_SAMPLES, "samples", "samples must be between 1 and " + MAX_SAMPLES + ", not " + samples);
        check(strategy == Strategy.SAMPLING || samples == 1, "samples", "samples applies to sampling only; samples must be 1 for " + strategy.name().toLowerCase());
    }

    private static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidInputException(field, message);
        }
    }

    public static DecodingOptions greedy(int maxLength) {
        return new DecodingOptions(Strategy.GREEDY, 1, 1, 0, maxLength, 1, 0, 1, null, 0, 1);
    }

    public static DecodingOptions beam(int beamSize, int nBest, double lengthPenalty, int maxLength) {
        return new DecodingOptions(Strategy.BEAM, beamSize, nBest, lengthPenalty, maxLength, 1, 0, 1, null, 0, 1);
    }

    public static DecodingOptions sampling(double temperature, int topK, double topP, Long seed, int noRepeatNgram, int maxLength) {
        return new DecodingOptions(Strategy.SAMPLING, 1, 1, 0, maxLength, temperature, topK, topP, seed, noRepeatNgram, 1);
    }

    /**
     * Sampling that starts from these options: a sampling bundle's defaults as they are, any other
     * strategy's as temperature 1, no top-k, top-p 0.9 and no repeated 3-grams. Each non-null
     * argument overrides its setting, and the result is validated like any options (an invalid
     * value throws {@link InvalidInputException} naming its field). This is the one place where a
     * request's or a command's sampling settings meet a bundle's.
     */
    public DecodingOptions sampledWith(Double temperature, Integer topK, Double topP, Long seed, Integer samples) {
        boolean sampling = strategy == Strategy.SAMPLING;
        return new DecodingOptions(Strategy.SAMPLING, 1, 1, 0, maxLength,
                temperature != null ? temperature : sampling ? this.temperature : 1.0,
                topK != null ? topK : sampling ? this.topK : 0,
                topP != null ? topP : sampling ? this.topP : 0.9,
                seed != null ? seed : this.seed,
                sampling ? noRepeatNgram : 3,
                samples != null ? samples : this.samples);
    }

    public DecodingOptions withMaxLength(int newMaxLength) {
        return new DecodingOptions(strategy, beamSize, nBest, lengthPenalty, newMaxLength, temperature, topK, topP, seed, noRepeatNgram, samples);
    }

    /** These options with another sampling seed (null: a fresh random one per call). */
    public DecodingOptions withSeed(Long newSeed) {
        return new DecodingOptions(strategy, beamSize, nBest, lengthPenalty, maxLength, temperature, topK, topP, newSeed, noRepeatNgram, samples);
    }

    /** These sampling options drawing {@code count} candidates per source and returning their consensus. */
    public DecodingOptions withSamples(int count) {
        return new DecodingOptions(strategy, beamSize, nBest, lengthPenalty, maxLength, temperature, topK, topP, seed, noRepeatNgram, count);
    }

    public SearchStrategy searchStrategy() {
        return switch (strategy) {
            case GREEDY -> new GreedySearch();
            case BEAM -> new BeamSearch();
            case SAMPLING -> new SamplingSearch();
        };
    }
}

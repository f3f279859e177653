package dev.seq2seq.search;

import java.util.List;

/** A decoding algorithm that knows the model only through {@link DecoderStep}. */
public interface SearchStrategy {
    /**
     * Decodes every source of the step; returns per source its hypotheses, best first. Source
     * {@code s} gets at most {@code min(options.maxLength(), maxLengths[s])} tokens, so a source's
     * output does not depend on what else shares its batch.
     */
    List<List<Hypothesis>> search(DecoderStep step, DecodingOptions options, int[] maxLengths);

    /** Decodes every source with the same length limit, {@code options.maxLength()}. */
    default List<List<Hypothesis>> search(DecoderStep step, DecodingOptions options) {
        int[] limits = new int[step.sources()];
        java.util.Arrays.fill(limits, options.maxLength());
        return search(step, options, limits);
    }

    /** The length limit of each source: the smaller of the options' and the source's own. */
    static int[] limits(DecodingOptions options, int[] maxLengths, int sources) {
        if (maxLengths.length != sources) {
            throw new IllegalArgumentException(maxLengths.length + " length limits for " + sources + " sources");
        }
        int[] out = new int[sources];
        for (int s = 0; s < sources; s++) {
            out[s] = Math.max(1, Math.min(options.maxLength(), maxLengths[s]));
        }
        return out;
    }

    /** Bans, for one hypothesis, the tokens that would repeat an n-gram it already contains. */
    static void banRepeatedNgrams(int[] tokens, int length, int n, float[] logProbs, int offset) {
        if (n <= 0 || length < n - 1) {
            return;
        }
        if (n == 1) {
            for (int i = 0; i < length; i++) {
                logProbs[offset + tokens[i]] = Float.NEGATIVE_INFINITY;
            }
            return;
        }
        int prefixStart = length - (n - 1);
        for (int start = 0; start + n - 1 < length; start++) {
            boolean same = true;
            for (int j = 0; j < n - 1 && same; j++) {
                same = tokens[start + j] == tokens[prefixStart + j];
            }
            if (same) {
                logProbs[offset + tokens[start + n - 1]] = Float.NEGATIVE_INFINITY;
            }
        }
    }
}

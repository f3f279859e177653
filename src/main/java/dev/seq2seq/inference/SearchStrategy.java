package dev.seq2seq.inference;

import java.util.List;

/** A decoding algorithm that knows the model only through {@link DecoderStep}. */
public interface SearchStrategy {
    /** Decodes every source of the step; returns per source its hypotheses, best first. */
    List<List<Hypothesis>> search(DecoderStep step, DecodingOptions options);

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

package dev.seq2seq.search;

import java.util.List;

/**
 * Teacher forcing at inference: how likely the model finds given outputs. Row i of the batch
 * decodes source {@code sourceOfRow[i]} and is fed target i token by token; its score is the sum
 * of the log-probabilities of those tokens and of the end token after them. All rows advance
 * together; a row whose target has ended is fed its end token and its further scores ignored.
 */
public final class ForcedScoring {
    private ForcedScoring() {
    }

    /** The log-probability of each target (ids without start or end token) given its row's source. */
    public static double[] logProbs(DecoderStep step, int[] sourceOfRow, List<int[]> targets) {
        int rows = targets.size();
        if (sourceOfRow.length != rows) {
            throw new IllegalArgumentException(rows + " targets but " + sourceOfRow.length + " source rows");
        }
        double[] sums = new double[rows];
        if (rows == 0) {
            return sums;
        }
        DecoderState state = step.select(step.initialState(), sourceOfRow);
        int vocab = step.vocabularySize();
        int longest = 0;
        for (int[] t : targets) {
            longest = Math.max(longest, t.length);
        }
        int[] previous = new int[rows];
        java.util.Arrays.fill(previous, step.startToken());
        for (int position = 0; position <= longest; position++) {   // position t predicts token t; after the last, the end token
            float[] logProbs = step.logProbs(state, previous);
            for (int r = 0; r < rows; r++) {
                int[] t = targets.get(r);
                if (position <= t.length) {
                    int next = position < t.length ? t[position] : step.endToken();
                    sums[r] += logProbs[r * vocab + next];
                    previous[r] = next;
                } else {
                    previous[r] = step.endToken();
                }
            }
        }
        return sums;
    }
}

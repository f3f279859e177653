package dev.seq2seq.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Takes the most likely token at every step (lowest id on ties). */
public final class GreedySearch implements SearchStrategy {
    @Override
    public List<List<Hypothesis>> search(DecoderStep step, DecodingOptions options) {
        int n = step.sources();
        int vocab = step.vocabularySize();
        int[][] tokens = new int[n][options.maxLength()];
        int[] lengths = new int[n];
        double[] logProbs = new double[n];
        Hypothesis[] done = new Hypothesis[n];
        int[] alive = new int[n];          // sources still decoding, in state-row order
        Arrays.setAll(alive, i -> i);
        DecoderState state = step.initialState();
        int[] previous = new int[n];
        Arrays.fill(previous, step.startToken());
        for (int t = 0; t < options.maxLength() && alive.length > 0; t++) {
            float[] scores = step.logProbs(state, previous);
            List<Integer> keepRows = new ArrayList<>();
            for (int r = 0; r < alive.length; r++) {
                int src = alive[r];
                SearchStrategy.banRepeatedNgrams(tokens[src], lengths[src], options.noRepeatNgram(), scores, r * vocab);
                int best = 0;
                for (int v = 1; v < vocab; v++) {
                    if (scores[r * vocab + v] > scores[r * vocab + best]) {
                        best = v;
                    }
                }
                logProbs[src] += scores[r * vocab + best];
                if (best == step.endToken()) {
                    done[src] = new Hypothesis(Arrays.copyOf(tokens[src], lengths[src]), logProbs[src], logProbs[src]);
                } else {
                    tokens[src][lengths[src]++] = best;
                    keepRows.add(r);
                }
            }
            int[] rows = keepRows.stream().mapToInt(Integer::intValue).toArray();
            int[] nextAlive = new int[rows.length];
            previous = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                nextAlive[i] = alive[rows[i]];
                previous[i] = tokens[nextAlive[i]][lengths[nextAlive[i]] - 1];
            }
            if (rows.length != alive.length && rows.length > 0) {
                state = step.select(state, rows);
            }
            alive = nextAlive;
        }
        List<List<Hypothesis>> out = new ArrayList<>(n);
        for (int src = 0; src < n; src++) {
            Hypothesis h = done[src] != null ? done[src]
                    : new Hypothesis(Arrays.copyOf(tokens[src], lengths[src]), logProbs[src], logProbs[src]);
            out.add(List.of(h));
        }
        return out;
    }
}

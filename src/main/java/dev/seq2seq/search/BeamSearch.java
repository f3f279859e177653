package dev.seq2seq.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search over all sources of a batch at once. Each source keeps {@code beamSize} live
 * hypotheses; finished ones are ranked by logP / ((5 + length) / 6)^alpha (GNMT). A source stops
 * when it has {@code beamSize} finished hypotheses, or none of its live ones can still beat the
 * last of the {@code nBest} it returns, or at its length limit.
 */
public final class BeamSearch implements SearchStrategy {

    private record Beam(int[] tokens, double logProb) {}

    @Override
    public List<List<Hypothesis>> search(DecoderStep step, DecodingOptions options, int[] maxLengths) {
        int n = step.sources();
        int[] limit = SearchStrategy.limits(options, maxLengths, n);
        int k = options.beamSize();
        int vocab = step.vocabularySize();
        double alpha = options.lengthPenalty();
        List<List<Beam>> live = new ArrayList<>();
        List<List<Hypothesis>> finished = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int s = 0; s < n; s++) {
            live.add(List.of(new Beam(new int[0], 0)));
            finished.add(new ArrayList<>());
        }
        DecoderState state = step.initialState();
        int[] previous = new int[n];
        Arrays.fill(previous, step.startToken());
        int[] rowSource = new int[n];
        Arrays.setAll(rowSource, i -> i);

        for (int t = 0; t < options.maxLength(); t++) {
            float[] scores = step.logProbs(state, previous);
            List<Integer> nextRows = new ArrayList<>();
            List<Integer> nextTokens = new ArrayList<>();
            List<List<Beam>> nextLive = new ArrayList<>();
            int row = 0;
            for (int s = 0; s < n; s++) {
                boolean last = t == limit[s] - 1;
                List<Beam> beams = live.get(s);
                List<Beam> kept = new ArrayList<>();
                if (!done[s]) {
                    // the best 2k continuations of this source's beams: (row, token, logProb)
                    List<double[]> candidates = new ArrayList<>();
                    for (int b = 0; b < beams.size(); b++, row++) {
                        Beam beam = beams.get(b);
                        SearchStrategy.banRepeatedNgrams(beam.tokens(), beam.tokens().length, options.noRepeatNgram(), scores, row * vocab);
                        for (int v : topTokens(scores, row * vocab, vocab, 2 * k)) {
                            candidates.add(new double[] {row, v, beam.logProb() + scores[row * vocab + v], b});
                        }
                    }
                    candidates.sort(Comparator.<double[]>comparingDouble(c -> -c[2]).thenComparingDouble(c -> c[3]).thenComparingDouble(c -> c[1]));
                    for (double[] c : candidates) {
                        if (kept.size() >= k || finished.get(s).size() >= k) {
                            break;
                        }
                        int token = (int) c[1];
                        Beam parent = beams.get((int) c[3]);
                        if (Double.isInfinite(c[2])) {
                            continue;
                        }
                        if (token == step.endToken()) {
                            finished.get(s).add(finish(parent.tokens(), c[2], true, alpha));
                        } else {
                            int[] tokens = Arrays.copyOf(parent.tokens(), parent.tokens().length + 1);
                            tokens[tokens.length - 1] = token;
                            kept.add(new Beam(tokens, c[2]));
                            nextRows.add((int) c[0]);
                            nextTokens.add(token);
                        }
                    }
                    if (last || finished.get(s).size() >= k || cannotImprove(finished.get(s), kept, options, limit[s], alpha)) {
                        if (finished.get(s).size() < options.nBest() || last) {
                            for (Beam beam : kept) {
                                finished.get(s).add(finish(beam.tokens(), beam.logProb(), false, alpha));
                            }
                        }
                        // drop this source's rows from the next step
                        for (int i = 0; i < kept.size(); i++) {
                            nextRows.remove(nextRows.size() - 1);
                            nextTokens.remove(nextTokens.size() - 1);
                        }
                        kept = List.of();
                        done[s] = true;
                    }
                }
                nextLive.add(kept);
            }
            live = nextLive;
            if (nextRows.isEmpty()) {
                break;
            }
            state = step.select(state, nextRows.stream().mapToInt(Integer::intValue).toArray());
            previous = nextTokens.stream().mapToInt(Integer::intValue).toArray();
        }
        List<List<Hypothesis>> out = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            List<Hypothesis> hyps = new ArrayList<>(finished.get(s));
            hyps.sort(Comparator.comparingDouble(h -> -h.score()));
            out.add(List.copyOf(hyps.subList(0, Math.min(options.nBest(), hyps.size()))));
        }
        return out;
    }

    private static Hypothesis finish(int[] tokens, double logProb, boolean ended, double alpha) {
        int scored = tokens.length + (ended ? 1 : 0);  // as Hypothesis.scoredTokens()
        return new Hypothesis(tokens, logProb, logProb / penalty(scored, alpha), ended);
    }

    static double penalty(int length, double alpha) {
        return Math.pow((5.0 + length) / 6.0, alpha);
    }

    /**
     * True when no live beam can end above the n-th best finished hypothesis, n being the number
     * of results asked for (log-probs only fall, so a beam's best possible score is its log-prob
     * under the longest length's penalty).
     */
    private static boolean cannotImprove(List<Hypothesis> finished, List<Beam> live, DecodingOptions options, int maxLength, double alpha) {
        if (finished.size() < options.nBest() || live.isEmpty()) {
            return live.isEmpty();
        }
        double nthBest = finished.stream().mapToDouble(Hypothesis::score).boxed()
                .sorted(Comparator.reverseOrder()).skip(options.nBest() - 1).findFirst().orElseThrow();
        double bestPossible = live.stream().mapToDouble(b -> b.logProb() / penalty(maxLength, alpha))
                .max().orElse(Double.NEGATIVE_INFINITY);
        return nthBest >= bestPossible;
    }

    /** Indices of the {@code count} largest values in scores[offset, offset + size), best first, lowest index on ties. */
    static int[] topTokens(float[] scores, int offset, int size, int count) {
        count = Math.min(count, size);
        int[] best = new int[count];
        int filled = 0;
        for (int v = 0; v < size; v++) {
            float value = scores[offset + v];
            if (filled == count && value <= scores[offset + best[count - 1]]) {
                continue;
            }
            int pos = filled < count ? filled++ : count - 1;
            while (pos > 0 && scores[offset + best[pos - 1]] < value) {
                best[pos] = best[pos - 1];
                pos--;
            }
            best[pos] = v;
        }
        return Arrays.copyOf(best, filled);
    }
}

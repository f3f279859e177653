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

    /** A continuation of a beam: the state row it extends, the token, and the log-probability it reaches. */
    private record Candidate(int row, int beam, int token, double logProb) {
        static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble((Candidate c) -> -c.logProb())
                .thenComparingInt(Candidate::beam).thenComparingInt(Candidate::token);
    }

    /** The search over one batch: each source's live beams and finished hypotheses. */
    private static final class Run {
        final DecoderStep step;
        final DecodingOptions options;
        final int[] limit;
        final int k;
        final int vocab;
        final double alpha;
        final List<List<Beam>> live = new ArrayList<>();
        final List<List<Hypothesis>> finished = new ArrayList<>();
        final boolean[] done;
        /** The next step's rows (which current row each continues) and their tokens. */
        final List<Integer> nextRows = new ArrayList<>();
        final List<Integer> nextTokens = new ArrayList<>();

        Run(DecoderStep step, DecodingOptions options, int[] maxLengths) {
            int n = step.sources();
            this.step = step;
            this.options = options;
            this.limit = SearchStrategy.limits(options, maxLengths, n);
            this.k = options.beamSize();
            this.vocab = step.vocabularySize();
            this.alpha = options.lengthPenalty();
            this.done = new boolean[n];
            for (int s = 0; s < n; s++) {
                live.add(List.of(new Beam(new int[0], 0)));
                finished.add(new ArrayList<>());
            }
        }

        /** Advances every live source by one token at step {@code t}; its scores' rows follow the live beams in order. */
        void advance(int t, float[] scores) {
            nextRows.clear();
            nextTokens.clear();
            int row = 0;
            for (int s = 0; s < live.size(); s++) {
                List<Beam> beams = live.get(s);
                if (done[s]) {
                    continue;
                }
                List<Beam> kept = extend(s, candidates(beams, scores, row));
                row += beams.size();
                if (t == limit[s] - 1 || finished.get(s).size() >= k || cannotImprove(finished.get(s), kept, options, limit[s], alpha)) {
                    stop(s, kept, t == limit[s] - 1);
                    kept = List.of();
                }
                live.set(s, kept);
            }
        }

        /** The best 2k continuations of one source's beams, whose rows start at {@code firstRow}, best first. */
        private List<Candidate> candidates(List<Beam> beams, float[] scores, int firstRow) {
            List<Candidate> out = new ArrayList<>();
            for (int b = 0; b < beams.size(); b++) {
                int row = firstRow + b;
                Beam beam = beams.get(b);
                SearchStrategy.banRepeatedNgrams(beam.tokens(), beam.tokens().length, options.noRepeatNgram(), scores, row * vocab);
                for (int v : topTokens(scores, row * vocab, vocab, 2 * k)) {
                    out.add(new Candidate(row, b, v, beam.logProb() + scores[row * vocab + v]));
                }
            }
            out.sort(Candidate.BEST_FIRST);
            return out;
        }

        /** Takes candidates best first: an end token finishes a hypothesis, any other extends a beam, up to k of each. */
        private List<Beam> extend(int s, List<Candidate> candidates) {
            List<Beam> kept = new ArrayList<>();
            List<Beam> beams = live.get(s);
            for (Candidate c : candidates) {
                if (kept.size() >= k || finished.get(s).size() >= k) {
                    break;
                }
                if (Double.isInfinite(c.logProb())) {
                    continue;
                }
                Beam parent = beams.get(c.beam());
                if (c.token() == step.endToken()) {
                    finished.get(s).add(finish(parent.tokens(), c.logProb(), true, alpha));
                } else {
                    int[] tokens = Arrays.copyOf(parent.tokens(), parent.tokens().length + 1);
                    tokens[tokens.length - 1] = c.token();
                    kept.add(new Beam(tokens, c.logProb()));
                    nextRows.add(c.row());
                    nextTokens.add(c.token());
                }
            }
            return kept;
        }

        /** Ends a source: its live beams count as cut hypotheses where too few ended, and leave the next step's rows. */
        private void stop(int s, List<Beam> kept, boolean last) {
            if (finished.get(s).size() < options.nBest() || last) {
                for (Beam beam : kept) {
                    finished.get(s).add(finish(beam.tokens(), beam.logProb(), false, alpha));
                }
            }
            for (int i = 0; i < kept.size(); i++) {   // its rows are the last ones added
                nextRows.remove(nextRows.size() - 1);
                nextTokens.remove(nextTokens.size() - 1);
            }
            done[s] = true;
        }

        /** Each source's nBest hypotheses, best first. */
        List<List<Hypothesis>> results() {
            List<List<Hypothesis>> out = new ArrayList<>(finished.size());
            for (List<Hypothesis> f : finished) {
                List<Hypothesis> hyps = new ArrayList<>(f);
                hyps.sort(Comparator.comparingDouble(h -> -h.score()));
                out.add(List.copyOf(hyps.subList(0, Math.min(options.nBest(), hyps.size()))));
            }
            return out;
        }
    }

    @Override
    public List<List<Hypothesis>> search(DecoderStep step, DecodingOptions options, int[] maxLengths) {
        Run run = new Run(step, options, maxLengths);
        DecoderState state = step.initialState();
        int[] previous = new int[step.sources()];
        Arrays.fill(previous, step.startToken());
        for (int t = 0; t < options.maxLength(); t++) {
            run.advance(t, step.logProbs(state, previous));
            if (run.nextRows.isEmpty()) {
                break;
            }
            state = step.select(state, run.nextRows.stream().mapToInt(Integer::intValue).toArray());
            previous = run.nextTokens.stream().mapToInt(Integer::intValue).toArray();
        }
        return run.results();
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

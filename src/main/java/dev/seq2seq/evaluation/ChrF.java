package dev.seq2seq.evaluation;

import dev.seq2seq.ngrams.CharacterNgrams;
import java.util.List;
import java.util.Map;

/**
 * Corpus-level chrF reproducing sacreBLEU 2.x defaults ({@code CHRF()}, signature
 * {@code case:mixed|eff:yes|nc:6|nw:0|space:no}): character n-grams up to order 6, no word
 * n-grams, beta 2, whitespace removed, {@code eps_smoothing=False}. Ported from
 * {@code sacrebleu/metrics/chrf.py}: per-order [hyp, ref, match] counts are summed over the
 * corpus, then the precisions and recalls of the orders that have both hypothesis and reference
 * n-grams are averaged and combined into one F-beta score ({@code _compute_f_score}).
 * Characters are Unicode code points, as in Python strings.
 */
public final class ChrF {

    /** sacreBLEU's {@code CHRF.CHAR_ORDER}. */
    public static final int CHAR_ORDER = CharacterNgrams.ORDER;
    /** sacreBLEU's {@code CHRF.BETA}. */
    public static final int BETA = 2;

    private ChrF() {
    }

    /**
     * sacreBLEU {@code corpus_chrf(hyps, [refs])} with default settings: chrF2 on a 0-100 scale.
     *
     * @throws IllegalArgumentException if the lists differ in size, or a reference is empty
     */
    public static double corpus(List<String> hypotheses, List<String> references) {
        return corpus(hypotheses, references, BETA);
    }

    /** As {@link #corpus(List, List)}, with sacreBLEU's {@code beta} argument changed. */
    public static double corpus(List<String> hypotheses, List<String> references, int beta) {
        return corpusMultiRef(hypotheses, List.of(references), beta);
    }

    /**
     * sacreBLEU {@code CHRF(beta=beta).corpus_score(hyps, refStreams)} with several reference
     * streams: for each segment the statistics of the reference with the best chrF are kept
     * (the first one on ties); empty or null references are skipped.
     */
    public static double corpusMultiRef(List<String> hypotheses, List<? extends List<String>> refStreams, int beta) {
        Bleu.checkSizes(hypotheses, refStreams);
        int[] stats = new int[3 * CHAR_ORDER];
        for (int s = 0; s < hypotheses.size(); s++) {
            List<Map<String, Integer>> hyp = CharacterNgrams.count(Bleu.hypothesis(hypotheses, s));
            int[] best = null;
            double bestF = -1.0;
            for (String ref : Bleu.references(refStreams, s)) {
                int[] seg = CharacterNgrams.matchStatistics(hyp, CharacterNgrams.count(ref));
                double f = CharacterNgrams.fScore(seg, beta);
                if (f > bestF) {
                    bestF = f;
                    best = seg;
                }
            }
            for (int i = 0; i < stats.length; i++) {
                stats[i] += best[i];
            }
        }
        return CharacterNgrams.fScore(stats, beta);
    }
}

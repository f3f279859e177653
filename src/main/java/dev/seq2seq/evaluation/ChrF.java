package dev.seq2seq.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
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
    public static final int CHAR_ORDER = 6;
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
            List<Map<String, Integer>> hyp = charNgrams(Bleu.hypothesis(hypotheses, s));
            int[] best = null;
            double bestF = -1.0;
            for (String ref : Bleu.references(refStreams, s)) {
                int[] seg = matchStatistics(hyp, charNgrams(ref));
                double f = fScore(seg, beta);
                if (f > bestF) {
                    bestF = f;
                    best = seg;
                }
            }
            for (int i = 0; i < stats.length; i++) {
                stats[i] += best[i];
            }
        }
        return fScore(stats, beta);
    }

    /** sacreBLEU's {@code CHRF._compute_f_score} on the {@code eps_smoothing=False} path (0-100). */
    static double fScore(int[] stats, int beta) {
        double factor = (double) beta * beta;
        double avgPrec = 0.0;
        double avgRec = 0.0;
        int effectiveOrder = 0;
        for (int i = 0; i < CHAR_ORDER; i++) {
            int nHyp = stats[3 * i];
            int nRef = stats[3 * i + 1];
            int nMatch = stats[3 * i + 2];
            if (nHyp > 0 && nRef > 0) {
                avgPrec += (double) nMatch / nHyp;
                avgRec += (double) nMatch / nRef;
                effectiveOrder++;
            }
        }
        if (effectiveOrder == 0) {
            return 0.0;
        }
        avgPrec /= effectiveOrder;
        avgRec /= effectiveOrder;
        if (avgPrec + avgRec == 0.0) {
            return 0.0;
        }
        double score = (1 + factor) * avgPrec * avgRec;
        score /= (factor * avgPrec) + avgRec;
        return 100 * score;
    }

    /**
     * sacreBLEU's {@code CHRF._get_match_statistics} for each order: [hyp, ref, match], where the
     * hypothesis count is 0 when the reference has no n-gram of that order.
     */
    private static int[] matchStatistics(List<Map<String, Integer>> hyp, List<Map<String, Integer>> ref) {
        int[] stats = new int[3 * CHAR_ORDER];
        for (int n = 0; n < CHAR_ORDER; n++) {
            Map<String, Integer> r = ref.get(n);
            int hypCount = 0;
            int match = 0;
            for (Map.Entry<String, Integer> e : hyp.get(n).entrySet()) {
                hypCount += e.getValue();
                match += Math.min(e.getValue(), r.getOrDefault(e.getKey(), 0));
            }
            stats[3 * n] = r.isEmpty() ? 0 : hypCount;
            stats[3 * n + 1] = r.values().stream().mapToInt(Integer::intValue).sum();
            stats[3 * n + 2] = match;
        }
        return stats;
    }

    /** sacreBLEU's {@code extract_all_char_ngrams(line, 6, include_whitespace=False)}. */
    private static List<Map<String, Integer>> charNgrams(String line) {
        int[] cps = line.codePoints().filter(cp -> !Tokenizer13a.isPythonSpace(cp)).toArray();
        List<Map<String, Integer>> byOrder = new ArrayList<>();
        for (int n = 1; n <= CHAR_ORDER; n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + n <= cps.length; i++) {
                counts.merge(new String(cps, i, n), 1, Integer::sum);
            }
            byOrder.add(counts);
        }
        return byOrder;
    }
}

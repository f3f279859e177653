package dev.seq2seq.ngrams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Character n-gram statistics as sacreBLEU's chrF counts them (orders 1 to 6, whitespace removed,
 * characters are Unicode code points), and the chrF of one sentence against another. The corpus
 * metric ({@code evaluation.ChrF}) sums these statistics over a corpus; consensus decoding
 * compares candidate replies with the sentence score.
 */
public final class CharacterNgrams {

    /** sacreBLEU's {@code CHRF.CHAR_ORDER}. */
    public static final int ORDER = 6;

    private CharacterNgrams() {
    }

    /** The counts of each order's n-grams, index 0 holding the 1-grams ({@code extract_all_char_ngrams}). */
    public static List<Map<String, Integer>> count(String line) {
        int[] cps = line.codePoints().filter(cp -> !isPythonSpace(cp)).toArray();
        List<Map<String, Integer>> byOrder = new ArrayList<>(ORDER);
        for (int n = 1; n <= ORDER; n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + n <= cps.length; i++) {
                counts.merge(new String(cps, i, n), 1, Integer::sum);
            }
            byOrder.add(counts);
        }
        return byOrder;
    }

    /**
     * sacreBLEU's {@code CHRF._get_match_statistics}: per order [hypothesis, reference, matching]
     * n-gram counts, where the hypothesis count is 0 when the reference has no n-gram of that order.
     */
    public static int[] matchStatistics(List<Map<String, Integer>> hyp, List<Map<String, Integer>> ref) {
        int[] stats = new int[3 * ORDER];
        for (int n = 0; n < ORDER; n++) {
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

    /**
     * sacreBLEU's {@code CHRF._compute_f_score} on the {@code eps_smoothing=False} path (0-100): the
     * precisions and recalls of the orders with both hypothesis and reference n-grams are averaged,
     * then combined into one F-beta score.
     */
    public static double fScore(int[] stats, int beta) {
        double factor = (double) beta * beta;
        double avgPrec = 0.0;
        double avgRec = 0.0;
        int effectiveOrder = 0;
        for (int i = 0; i < ORDER; i++) {
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

    /** chrF (beta 2, 0-100) of one hypothesis against one reference, from their n-gram counts. */
    public static double chrF(List<Map<String, Integer>> hyp, List<Map<String, Integer>> ref) {
        return fScore(matchStatistics(hyp, ref), 2);
    }

    /** The characters for which Python 3's {@code str.isspace()} is true. */
    public static boolean isPythonSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0
                || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029
                || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }
}

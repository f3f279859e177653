package dev.seq2seq.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus-level BLEU reproducing sacreBLEU 2.x defaults ({@code BLEU()}, signature
 * {@code case:mixed|eff:no|tok:13a|smooth:exp}): cased, {@code 13a} tokenization, maximum
 * n-gram order 4, NIST/mteval-v13a {@code exp} smoothing, statistics summed over the corpus.
 * Ported from {@code sacrebleu/metrics/bleu.py}.
 */
public final class Bleu {

    /** sacreBLEU's {@code MAX_NGRAM_ORDER}. */
    public static final int MAX_ORDER = 4;

    /** sacreBLEU's {@code my_log(0)}: the log of a zero precision is floored to this value. */
    private static final double LOG_ZERO = -9999999999.0;

    /**
     * A BLEU result with sacreBLEU's fields ({@code BLEUScore}).
     *
     * @param score BLEU on a 0-100 scale
     * @param precisions the n-gram precisions (0-100) for n = 1..4, after smoothing
     * @param bp the brevity penalty
     * @param sysLen total number of hypothesis tokens
     * @param refLen total (closest) reference length
     * @param counts matching n-grams per order (clipped counts)
     * @param totals hypothesis n-grams per order
     */
    public record Score(double score, double[] precisions, double bp, int sysLen, int refLen,
                        int[] counts, int[] totals) {
    }

    private Bleu() {
    }

    /**
     * sacreBLEU {@code corpus_bleu(hyps, [refs])} with default settings and one reference per
     * segment.
     *
     * @throws IllegalArgumentException if the lists differ in size, or a reference is empty
     *     (sacreBLEU raises "Empty or `None` reference sentence found.")
     */
    public static Score corpus(List<String> hypotheses, List<String> references) {
        return corpusMultiRef(hypotheses, List.of(references));
    }

    /**
     * sacreBLEU {@code corpus_bleu(hyps, refStreams)} with default settings and several reference
     * streams (sacreBLEU's layout: one list per reference set, each as long as {@code hypotheses}).
     * Empty or null references are skipped, as sacreBLEU does for a variable number of references;
     * the closest reference length is used, ties going to the shorter one.
     *
     * @throws IllegalArgumentException if a stream's size differs from the hypotheses' size or a
     *     segment has no non-empty reference
     */
    public static Score corpusMultiRef(List<String> hypotheses, List<? extends List<String>> refStreams) {
        checkSizes(hypotheses, refStreams);
        int[] stats = new int[2 + 2 * MAX_ORDER]; // sysLen, refLen, correct[4], total[4]
        for (int s = 0; s < hypotheses.size(); s++) {
            int[] seg = segmentStatistics(hypothesis(hypotheses, s), references(refStreams, s));
            for (int i = 0; i < stats.length; i++) {
                stats[i] += seg[i];
            }
        }
        int[] correct = new int[MAX_ORDER];
        int[] total = new int[MAX_ORDER];
        System.arraycopy(stats, 2, correct, 0, MAX_ORDER);
        System.arraycopy(stats, 2 + MAX_ORDER, total, 0, MAX_ORDER);
        return fromStatistics(correct, total, stats[0], stats[1]);
    }

    /**
     * sacreBLEU's {@code BLEU.compute_bleu} with {@code smooth_method='exp'} and
     * {@code effective_order=False}: BLEU from summed sufficient statistics.
     */
    public static Score fromStatistics(int[] correct, int[] total, int sysLen, int refLen) {
        double bp = sysLen < refLen ? (sysLen > 0 ? Math.exp(1 - (double) refLen / sysLen) : 0.0) : 1.0;
        double[] precisions = new double[MAX_ORDER];
        boolean anyMatch = false;
        for (int c : correct) {
            anyMatch |= c != 0;
        }
        if (!anyMatch) { // sacreBLEU #141: no matches at all gives 0.0
            return new Score(0.0, precisions, bp, sysLen, refLen, correct.clone(), total.clone());
        }
        double smoothMteval = 1.0;
        for (int n = 0; n < MAX_ORDER; n++) {
            if (total[n] == 0) {
                break;
            }
            if (correct[n] == 0) {
                smoothMteval *= 2;
                precisions[n] = 100.0 / (smoothMteval * total[n]);
            } else {
                precisions[n] = 100.0 * correct[n] / total[n];
            }
        }
        double logSum = 0.0;
        for (double p : precisions) {
            logSum += p == 0.0 ? LOG_ZERO : Math.log(p);
        }
        double score = bp * Math.exp(logSum / MAX_ORDER);
        return new Score(score, precisions, bp, sysLen, refLen, correct.clone(), total.clone());
    }

    /** [hypLen, closestRefLen, correct[1..4], total[1..4]] for one segment. */
    private static int[] segmentStatistics(String hypothesis, List<String> refs) {
        List<Map<String, Integer>> refNgrams = ngrams(List.of());
        List<Integer> refLens = new ArrayList<>();
        for (String ref : refs) {
            List<String> tokens = tokenize(ref);
            refLens.add(tokens.size());
            List<Map<String, Integer>> own = ngrams(tokens);
            for (int n = 0; n < MAX_ORDER; n++) {
                Map<String, Integer> merged = refNgrams.get(n);
                own.get(n).forEach((ng, c) -> merged.merge(ng, c, Math::max));
            }
        }
        List<String> hypTokens = tokenize(hypothesis);
        int[] stats = new int[2 + 2 * MAX_ORDER];
        stats[0] = hypTokens.size();
        stats[1] = closestRefLen(hypTokens.size(), refLens);
        List<Map<String, Integer>> hypNgrams = ngrams(hypTokens);
        for (int n = 0; n < MAX_ORDER; n++) {
            Map<String, Integer> ref = refNgrams.get(n);
            for (Map.Entry<String, Integer> e : hypNgrams.get(n).entrySet()) {
                stats[2 + MAX_ORDER + n] += e.getValue();
                stats[2 + n] += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
            }
        }
        return stats;
    }

    private static int closestRefLen(int hypLen, List<Integer> refLens) {
        int closestDiff = -1;
        int closestLen = -1;
        for (int refLen : refLens) {
            int diff = Math.abs(hypLen - refLen);
            if (closestDiff == -1 || diff < closestDiff) {
                closestDiff = diff;
                closestLen = refLen;
            } else if (diff == closestDiff && refLen < closestLen) {
                closestLen = refLen;
            }
        }
        return closestLen;
    }

    /** sacreBLEU's {@code BLEU._preprocess_segment}: {@code tokenizer(sent.rstrip())}, then split. */
    private static List<String> tokenize(String segment) {
        return Tokenizer13a.split(Tokenizer13a.tokenize(Tokenizer13a.rstrip(segment)));
    }

    /** n-gram counts for n = 1..4 (index n-1); tokens contain no space, so space-joined keys are unique. */
    private static List<Map<String, Integer>> ngrams(List<String> tokens) {
        List<Map<String, Integer>> byOrder = new ArrayList<>();
        for (int n = 1; n <= MAX_ORDER; n++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i + n <= tokens.size(); i++) {
                counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
            }
            byOrder.add(counts);
        }
        return byOrder;
    }

    /** Checks that every reference stream is as long as the hypotheses (sacreBLEU raises EOFError). */
    static void checkSizes(List<String> hypotheses, List<? extends List<String>> refStreams) {
        if (refStreams.isEmpty()) {
            throw new IllegalArgumentException("no reference stream given");
        }
        for (List<String> stream : refStreams) {
            if (stream.size() != hypotheses.size()) {
                throw new IllegalArgumentException("hypotheses (" + hypotheses.size()
                        + ") and references (" + stream.size() + ") differ in length");
            }
        }
    }

    /** Hypothesis {@code s}; null is rejected like sacreBLEU's "Undefined line in hypotheses stream!". */
    static String hypothesis(List<String> hypotheses, int s) {
        String hyp = hypotheses.get(s);
        if (hyp == null) {
            throw new IllegalArgumentException("Undefined line in hypotheses stream at segment " + s);
        }
        return hyp;
    }

    /**
     * The references of segment {@code s}, dropping null and empty ones like sacreBLEU's
     * {@code Metric._cache_references}, which fails when none is left; shared with {@link ChrF}.
     */
    static List<String> references(List<? extends List<String>> refStreams, int s) {
        List<String> refs = new ArrayList<>();
        for (List<String> stream : refStreams) {
            String ref = stream.get(s);
            if (ref != null && !ref.isEmpty()) {
                refs.add(ref);
            }
        }
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("Empty or null reference for segment " + s);
        }
        return refs;
    }
}

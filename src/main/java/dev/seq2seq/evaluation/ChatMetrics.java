package dev.seq2seq.evaluation;

import dev.seq2seq.text.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Chat-specific measures: reply diversity, the most repeated reply, and a retrieval baseline. */
public final class ChatMetrics {
    private ChatMetrics() {}

    /** Distinct word bigrams over all bigrams of the replies (Li et al. 2016), in [0, 1]. */
    public static double distinct2(List<String> replies) {
        Set<String> distinct = new HashSet<>();
        long total = 0;
        for (String reply : replies) {
            String[] words = TextNormalizer.normalize(reply).split(" ");
            for (int i = 0; i + 1 < words.length; i++) {
                distinct.add(words[i] + " " + words[i + 1]);
                total++;
            }
        }
        return total == 0 ? 0 : (double) distinct.size() / total;
    }

    /** The share of prompts that got the most frequent reply, in [0, 1]. */
    public static double topReplyShare(List<String> replies) {
        Map<String, Integer> counts = new HashMap<>();
        int max = 0;
        for (String reply : replies) {
            max = Math.max(max, counts.merge(reply, 1, Integer::sum));
        }
        return replies.isEmpty() ? 0 : (double) max / replies.size();
    }

    /**
     * The retrieval baseline: for each prompt, the answer of the training question most similar to
     * it (cosine of character 3-gram counts, lower-cased, with word-edge spaces).
     */
    public static List<String> retrieve(List<String> prompts, List<String> trainQuestions, List<String> trainAnswers) {
        List<Map<String, Integer>> vectors = new ArrayList<>(trainQuestions.size());
        double[] norms = new double[trainQuestions.size()];
        Map<String, List<Integer>> index = new HashMap<>();   // trigram -> questions holding it
        for (int i = 0; i < trainQuestions.size(); i++) {
            Map<String, Integer> v = trigrams(trainQuestions.get(i));
            vectors.add(v);
            norms[i] = norm(v);
            for (String g : v.keySet()) {
                index.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
            }
        }
        List<String> out = new ArrayList<>(prompts.size());
        for (String prompt : prompts) {
            Map<String, Integer> p = trigrams(prompt);
            Map<Integer, Double> dots = new HashMap<>();
            p.forEach((g, c) -> {
                for (int i : index.getOrDefault(g, List.of())) {
                    dots.merge(i, (double) c * vectors.get(i).get(g), Double::sum);
                }
            });
            int best = 0;
            double bestScore = -1;
            double pn = norm(p);
            for (var e : dots.entrySet()) {
                double score = e.getValue() / (pn * norms[e.getKey()] + 1e-12);
                if (score > bestScore || score == bestScore && e.getKey() < best) {
                    bestScore = score;
                    best = e.getKey();
                }
            }
            out.add(trainAnswers.get(best));
        }
        return out;
    }

    private static Map<String, Integer> trigrams(String text) {
        String s = " " + TextNormalizer.normalize(text).toLowerCase(Locale.ROOT) + " ";
        int[] cps = s.codePoints().toArray();
        Map<String, Integer> v = new HashMap<>();
        for (int i = 0; i + 3 <= cps.length; i++) {
            v.merge(new String(cps, i, 3), 1, Integer::sum);
        }
        return v;
    }

    private static double norm(Map<String, Integer> v) {
        double s = 0;
        for (int c : v.values()) {
            s += (double) c * c;
        }
        return Math.sqrt(s);
    }
}

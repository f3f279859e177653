package dev.seq2seq.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Texts found by similarity to a query: the cosine of character 3-gram counts (lower-cased,
 * normalized, with a space at each end so word edges count). Built once, queried from any thread.
 */
public final class TrigramIndex {
    private final List<Map<String, Integer>> vectors;
    private final double[] norms;
    private final Map<String, List<Integer>> postings = new HashMap<>();   // trigram -> texts holding it

    public TrigramIndex(List<String> texts) {
        vectors = new ArrayList<>(texts.size());
        norms = new double[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Integer> v = trigrams(texts.get(i));
            vectors.add(v);
            norms[i] = norm(v);
            for (String g : v.keySet()) {
                postings.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
            }
        }
    }

    public int size() {
        return vectors.size();
    }

    /** Indices of the (at most) k texts most similar to the query, most similar first, earlier first on ties; none share a trigram with it: empty. */
    public List<Integer> nearest(String query, int k) {
        Map<String, Integer> q = trigrams(query);
        Map<Integer, Double> dots = new HashMap<>();
        q.forEach((g, c) -> {
            for (int i : postings.getOrDefault(g, List.of())) {
                dots.merge(i, (double) c * vectors.get(i).get(g), Double::sum);
            }
        });
        double qn = norm(q);
        List<Integer> found = new ArrayList<>(dots.keySet());
        Map<Integer, Double> cosine = new HashMap<>();
        for (int i : found) {
            cosine.put(i, dots.get(i) / (qn * norms[i] + 1e-12));
        }
        found.sort(Comparator.<Integer>comparingDouble(cosine::get).reversed().thenComparing(Comparator.naturalOrder()));
        return found.subList(0, Math.min(k, found.size()));
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

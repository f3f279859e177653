package dev.seq2seq.ngrams;

import dev.seq2seq.text.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Texts found by similarity to a query: the cosine of character 3-gram counts (lower-cased,
 * normalized, with a space at each end so word edges count). Built once, queried from any thread.
 * Postings are plain arrays (text index, count) and a query sums into a dense array, so a
 * translation memory of a hundred thousand sentences answers in milliseconds.
 */
public final class TrigramIndex {
    private final int size;
    private final double[] norms;
    private final Map<String, int[][]> postings;   // trigram -> {text indices, counts}

    public TrigramIndex(List<String> texts) {
        size = texts.size();
        norms = new double[size];
        Map<String, List<int[]>> lists = new HashMap<>();
        for (int i = 0; i < size; i++) {
            Map<String, Integer> v = trigrams(texts.get(i));
            norms[i] = norm(v);
            int text = i;
            v.forEach((g, c) -> lists.computeIfAbsent(g, k -> new ArrayList<>()).add(new int[] {text, c}));
        }
        postings = new HashMap<>(lists.size() * 2);
        lists.forEach((g, list) -> {
            int[][] p = new int[2][list.size()];
            for (int j = 0; j < list.size(); j++) {
                p[0][j] = list.get(j)[0];
                p[1][j] = list.get(j)[1];
            }
            postings.put(g, p);
        });
    }

    public int size() {
        return size;
    }

    /** A text of the index and its cosine similarity to a query. */
    public record Match(int index, double cosine) {}

    /** Indices of the (at most) k texts most similar to the query, most similar first, earlier first on ties; none share a trigram with it: empty. */
    public List<Integer> nearest(String query, int k) {
        return matches(query, k).stream().map(Match::index).toList();
    }

    /** The (at most) k texts most similar to the query with their cosines, as {@link #nearest}. */
    public List<Match> matches(String query, int k) {
        Map<String, Integer> q = trigrams(query);
        double[] dots = new double[size];
        q.forEach((g, c) -> {
            int[][] p = postings.get(g);
            if (p != null) {
                for (int j = 0; j < p[0].length; j++) {
                    dots[p[0][j]] += (double) c * p[1][j];
                }
            }
        });
        double qn = norm(q);
        // a min-heap of the k best so far: worst (lowest cosine, then latest index) on top
        PriorityQueue<double[]> best = new PriorityQueue<>(
                (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(b[1], a[1]));
        for (int i = 0; i < size && k > 0; i++) {
            if (dots[i] == 0) {
                continue;
            }
            double cosine = dots[i] / (qn * norms[i] + 1e-12);
            if (best.size() < k) {
                best.add(new double[] {cosine, i});
            } else if (cosine > best.peek()[0]) {   // equal cosine: the earlier text already held stays
                best.poll();
                best.add(new double[] {cosine, i});
            }
        }
        List<Match> out = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            double[] b = best.poll();
            out.add(0, new Match((int) b[1], b[0]));
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

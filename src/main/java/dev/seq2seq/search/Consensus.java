package dev.seq2seq.search;

import dev.seq2seq.ngrams.CharacterNgrams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Consensus (minimum Bayes risk) selection among sampled candidates: each candidate's expected
 * chrF is estimated by its mean sentence chrF against the other candidates, which stand in for
 * draws from the model; the candidate with the highest wins (Eikema and Aziz 2020, "Is MAP decoding
 * all you need?"). A reply many samples agree with beats a rare one, however likely its tokens.
 */
public final class Consensus {

    private Consensus() {
    }

    /** The candidates ordered by mean chrF against the others, highest first (earlier first on ties). */
    public static <T> List<T> rank(List<T> candidates, Function<T, String> text) {
        int k = candidates.size();
        if (k < 2) {
            return List.copyOf(candidates);
        }
        List<List<Map<String, Integer>>> ngrams = new ArrayList<>(k);
        for (T c : candidates) {
            ngrams.add(CharacterNgrams.count(text.apply(c)));
        }
        double[] utility = new double[k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                if (a != b) {
                    utility[a] += CharacterNgrams.chrF(ngrams.get(a), ngrams.get(b));
                }
            }
        }
        List<Integer> order = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -utility[i]).thenComparingInt(i -> i));
        List<T> out = new ArrayList<>(k);
        for (int i : order) {
            out.add(candidates.get(i));
        }
        return out;
    }
}

package dev.seq2seq.text;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A character n-gram language identifier (naive Bayes over 1- to 3-grams of the lower-cased text
 * with spaces at word edges), the method of Cavnar and Trenkle and of most small identifiers.
 * Each language keeps its most frequent n-grams with add-one smoothed log-probabilities; the
 * profiles are a small TSV file ({@code language, n-gram, log-probability}).
 */
public final class LanguageIdentifier {
    /** A language with its posterior probability in [0, 1]. */
    public record Guess(String language, double probability) {}

    static final int MAX_N = 3;
    private static final String UNSEEN = "<unseen>";

    private final Map<String, Map<String, Double>> logProbs;   // language -> n-gram -> log P
    private final Map<String, Double> unseen;                   // language -> log P of an unseen n-gram

    private LanguageIdentifier(Map<String, Map<String, Double>> logProbs, Map<String, Double> unseen) {
        this.logProbs = logProbs;
        this.unseen = unseen;
    }

    public Collection<String> languages() {
        return logProbs.keySet();
    }

    /** Learns the profiles from example texts per language, keeping the {@code keep} most frequent n-grams of each. */
    public static LanguageIdentifier train(Map<String, ? extends Collection<String>> textsByLanguage, int keep) {
        Map<String, Map<String, Double>> logProbs = new LinkedHashMap<>();
        Map<String, Double> unseen = new LinkedHashMap<>();
        textsByLanguage.forEach((language, texts) -> {
            Map<String, Integer> counts = new HashMap<>();
            for (String text : texts) {
                for (String g : ngrams(text)) {
                    counts.merge(g, 1, Integer::sum);
                }
            }
            List<Map.Entry<String, Integer>> top = new ArrayList<>(counts.entrySet());
            top.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            top = top.subList(0, Math.min(keep, top.size()));
            double total = top.stream().mapToLong(Map.Entry::getValue).sum() + top.size() + 1.0;
            Map<String, Double> lp = new LinkedHashMap<>();
            for (var e : top) {
                lp.put(e.getKey(), Math.log((e.getValue() + 1) / total));
            }
            logProbs.put(language, lp);
            unseen.put(language, Math.log(1 / total));
        });
        return new LanguageIdentifier(logProbs, unseen);
    }

    /**
     * Candidate languages for the text among {@code allowed} (all when null or empty), most likely
     * first. Empty when the text has no letters, so nothing can be said about its language.
     */
    public List<Guess> identify(String text, Collection<String> allowed) {
        List<String> grams = ngrams(text);
        if (grams.isEmpty()) {
            return List.of();
        }
        List<String> candidates = logProbs.keySet().stream()
                .filter(l -> allowed == null || allowed.isEmpty() || allowed.contains(l)).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            Map<String, Double> lp = logProbs.get(candidates.get(i));
            double miss = unseen.get(candidates.get(i));
            double s = 0;
            for (String g : grams) {
                s += lp.getOrDefault(g, miss);
            }
            scores[i] = s;
        }
        // posterior under a uniform prior; the sum over n-grams is damped by its length so that
        // confidences stay informative rather than always 1.0 for any sentence
        double damp = 1.0 / Math.sqrt(grams.size());
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s * damp);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(scores[i] * damp - max);
            sum += p[i];
        }
        List<Guess> guesses = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            guesses.add(new Guess(candidates.get(i), p[i] / sum));
        }
        guesses.sort(Comparator.comparingDouble(Guess::probability).reversed());
        return guesses;
    }

    /** The 1- to 3-grams of the letters of each word, with a space marking word starts and ends. */
    static List<String> ngrams(String text) {
        List<String> grams = new ArrayList<>();
        String lower = TextNormalizer.normalize(text).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= lower.length(); ) {
            int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
            i += i < lower.length() ? Character.charCount(cp) : 1;
            if (Character.isLetter(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                addWord(" " + word + " ", grams);
                word.setLength(0);
            }
        }
        return grams;
    }

    private static void addWord(String padded, List<String> grams) {
        int[] cps = padded.codePoints().toArray();
        for (int n = 1; n <= MAX_N; n++) {
            for (int i = 0; i + n <= cps.length; i++) {
                if (n == 1 && cps[i] == ' ') {
                    continue;
                }
                grams.add(new String(cps, i, n));
            }
        }
    }

    public void save(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var language : logProbs.entrySet()) {
                w.write(language.getKey() + "\t" + UNSEEN + "\t" + unseen.get(language.getKey()) + "\n");
                for (var e : language.getValue().entrySet()) {
                    w.write(language.getKey() + "\t" + e.getKey() + "\t" + e.getValue() + "\n");
                }
            }
        }
    }

    public static LanguageIdentifier load(Path file) throws IOException {
        Map<String, Map<String, Double>> logProbs = new LinkedHashMap<>();
        Map<String, Double> unseen = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                String[] f = line.split("\t", -1);
                double value;
                try {
                    value = f.length == 3 ? Double.parseDouble(f[2]) : Double.NaN;
                } catch (NumberFormatException e) {
                    value = Double.NaN;
                }
                if (Double.isNaN(value)) {
                    throw new IOException(file + ": line " + number + " is not 'language<TAB>n-gram<TAB>log-probability'");
                }
                if (f[1].equals(UNSEEN)) {
                    unseen.put(f[0], value);
                } else {
                    logProbs.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], value);
                }
            }
        }
        for (String language : logProbs.keySet()) {
            if (!unseen.containsKey(language)) {
                throw new IOException(file + ": language '" + language + "' has no " + UNSEEN + " line");
            }
        }
        if (logProbs.isEmpty()) {
            throw new IOException(file + ": no language profiles");
        }
        return new LanguageIdentifier(logProbs, unseen);
    }
}

package dev.seq2seq.ngrams;

import dev.seq2seq.text.TextNormalizer;
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
 *
 * <p>The model's posterior is a score, not a probability one can trust (naive Bayes is
 * over-confident on long texts, and the score is damped by the text's length). A {@link Calibration}
 * fitted on held-out texts ({@link #calibrate}) maps the best language's score to the share of
 * held-out texts with that score whose best language was right; it is saved with the profiles.
 */
public final class LanguageIdentifier {
    /**
     * A language with its probability in [0, 1]. With a calibration, the best language's probability
     * is the calibrated one, and the rest is shared among the others in proportion to their scores.
     */
    public record Guess(String language, double probability) {}

    static final int MAX_N = 3;
    private static final String UNSEEN = "<unseen>";
    private static final String CALIBRATION = "<calibration>";

    private final Map<String, Map<String, Double>> logProbs;   // language -> n-gram -> log P
    private final Map<String, Double> unseen;                   // language -> log P of an unseen n-gram
    private final Calibration calibration;                      // null: the scores as they are

    private LanguageIdentifier(Map<String, Map<String, Double>> logProbs, Map<String, Double> unseen, Calibration calibration) {
        this.logProbs = logProbs;
        this.unseen = unseen;
        this.calibration = calibration;
    }

    /**
     * A non-decreasing step map from a score in [0, 1] to a probability: a score up to
     * {@code upper[i]} (and above {@code upper[i-1]}) maps to {@code value[i]}. Fitted by isotonic
     * regression (pool adjacent violators) of being right on the score, each pooled block's share
     * smoothed as (right + 1) / (n + 2) so that a block of a few texts does not say 0 or 1.
     */
    public record Calibration(double[] upper, double[] value) {
        public Calibration {
            if (upper.length == 0 || upper.length != value.length) {
                throw new IllegalArgumentException("a calibration needs as many bounds as values, at least one");
            }
        }

        /** Fits the map on (score, right) pairs. */
        public static Calibration fit(double[] scores, boolean[] right) {
            Integer[] order = new Integer[scores.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
            List<double[]> blocks = new ArrayList<>();   // {upper score, right, count}
            for (int i : order) {
                blocks.add(new double[] {scores[i], right[i] ? 1 : 0, 1});
                while (blocks.size() > 1) {
                    double[] last = blocks.get(blocks.size() - 1);
                    double[] prev = blocks.get(blocks.size() - 2);
                    if (prev[0] < last[0] && prev[1] / prev[2] < last[1] / last[2]) {
                        break;
                    }
                    blocks.remove(blocks.size() - 1);   // a tie or a violation: pool
                    prev[0] = last[0];
                    prev[1] += last[1];
                    prev[2] += last[2];
                }
            }
            double[] upper = new double[blocks.size()];
            double[] value = new double[blocks.size()];
            double floor = 0;
            for (int i = 0; i < upper.length; i++) {
                double[] b = blocks.get(i);
                upper[i] = b[0];
                value[i] = Math.max(floor, (b[1] + 1) / (b[2] + 2));
                floor = value[i];
            }
            upper[upper.length - 1] = 1.0;
            return new Calibration(upper, value);
        }

        public double apply(double score) {
            for (int i = 0; i < upper.length; i++) {
                if (score <= upper[i]) {
                    return value[i];
                }
            }
            return value[value.length - 1];
        }
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
        return new LanguageIdentifier(logProbs, unseen, null);
    }

    /**
     * This identifier with a calibration fitted on held-out texts per language (texts its profiles
     * were not built from) and on their first one, two and three words, since people often type no
     * more; every language of the profiles is a candidate, as for {@code /detect}.
     */
    public LanguageIdentifier calibrate(Map<String, ? extends Collection<String>> heldOut) {
        LanguageIdentifier raw = uncalibrated();
        List<Double> scores = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        heldOut.forEach((language, texts) -> {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String text : texts) {
                String[] words = text.strip().split("\\s+");
                List<String> variants = new ArrayList<>(List.of(text));
                for (int n = 1; n <= 3 && n < words.length; n++) {
                    String prefix = String.join(" ", java.util.Arrays.copyOf(words, n));
                    if (seen.add(prefix)) {
                        variants.add(prefix);
                    }
                }
                for (String v : variants) {
                    List<Guess> g = raw.identify(v, null);
                    if (!g.isEmpty()) {
                        scores.add(g.get(0).probability());
                        right.add(g.get(0).language().equals(language));
                    }
                }
            }
        });
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no held-out text with letters to calibrate on");
        }
        boolean[] r = new boolean[right.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = right.get(i);
        }
        return new LanguageIdentifier(logProbs, unseen, Calibration.fit(scores.stream().mapToDouble(Double::doubleValue).toArray(), r));
    }

    /** The same profiles without the calibration: {@link Guess#probability()} is the model's score. */
    public LanguageIdentifier uncalibrated() {
        return calibration == null ? this : new LanguageIdentifier(logProbs, unseen, null);
    }

    /** The calibration saved with the profiles, if any. */
    public java.util.Optional<Calibration> calibration() {
        return java.util.Optional.ofNullable(calibration);
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
        return calibration == null || guesses.size() == 1 ? guesses : calibrated(guesses);
    }

    /** The best guess's calibrated probability; the others share the rest in proportion to their scores. */
    private List<Guess> calibrated(List<Guess> guesses) {
        double top = guesses.get(0).probability();
        double p = calibration.apply(top);
        List<Guess> out = new ArrayList<>(List.of(new Guess(guesses.get(0).language(), p)));
        for (Guess g : guesses.subList(1, guesses.size())) {
            out.add(new Guess(g.language(), top >= 1 ? (1 - p) / (guesses.size() - 1) : g.probability() * (1 - p) / (1 - top)));
        }
        return out;
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
            if (calibration != null) {
                for (int i = 0; i < calibration.upper().length; i++) {
                    w.write(CALIBRATION + "\t" + calibration.upper()[i] + "\t" + calibration.value()[i] + "\n");
                }
            }
        }
    }

    public static LanguageIdentifier load(Path file) throws IOException {
        Map<String, Map<String, Double>> logProbs = new LinkedHashMap<>();
        Map<String, Double> unseen = new LinkedHashMap<>();
        List<double[]> steps = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = r.readLine()) != null) {
                number++;
                String[] f = line.split("\t", -1);
                double value = f.length == 3 ? parseOrNaN(f[2]) : Double.NaN;
                if (Double.isNaN(value)) {
                    throw new IOException(file + ": line " + number + " is not 'language<TAB>n-gram<TAB>log-probability'");
                }
                if (f[0].equals(CALIBRATION)) {
                    steps.add(calibrationStep(parseOrNaN(f[1]), value, steps, file, number));
                } else if (f[1].equals(UNSEEN)) {
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
        Calibration calibration = steps.isEmpty() ? null : new Calibration(
                steps.stream().mapToDouble(x -> x[0]).toArray(), steps.stream().mapToDouble(x -> x[1]).toArray());
        return new LanguageIdentifier(logProbs, unseen, calibration);
    }

    /** A calibration line's step, checked: both values in [0, 1], the bound above the step before's and the probability not below it. */
    private static double[] calibrationStep(double upper, double value, List<double[]> steps, Path file, int number)
            throws IOException {
        if (!(upper >= 0 && upper <= 1 && value >= 0 && value <= 1)
                || (!steps.isEmpty() && (upper <= steps.get(steps.size() - 1)[0] || value < steps.get(steps.size() - 1)[1]))) {
            throw new IOException(file + ": line " + number + " is not '" + CALIBRATION
                    + "<TAB>score bound<TAB>probability' with both in [0, 1] and above the line before");
        }
        return new double[] {upper, value};
    }

    private static double parseOrNaN(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}

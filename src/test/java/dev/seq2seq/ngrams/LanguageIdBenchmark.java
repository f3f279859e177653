package dev.seq2seq.ngrams;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import dev.seq2seq.ngrams.LanguageIdSets.Item;
import org.junit.jupiter.api.Test;

/**
 * The service's language identifier against Lingua and OpenNLP's language detector, printed, not
 * asserted (not part of {@code verify}; {@code bench/langid.sh} runs it). All three choose among
 * the service's languages (en, es, de, ko). Measured: accuracy on both columns of the Tatoeba dev
 * splits (eng-spa, eng-deu, eng-kor) and the songys-ko dev split, on their first one, two and three
 * words, and on short typed phrases; the time per call; the load time and heap; how well each
 * one's score, and that score after an isotonic map fitted on held-out training lines, predicts
 * being right; and the calibration the service ships ({@code models/langid.tsv}, from the
 * {@code langid} command) with the candidates each kind of request has. The datasets are read
 * from {@code ../shared/datasets}, or {@code -Ddatasets=DIR}.
 */
class LanguageIdBenchmark {
    static final List<String> LANGUAGES = List.of("de", "en", "es", "ko");

    /** One identifier as the benchmark sees it: the best language among {@link #LANGUAGES} and the confidence it reports. */
    record Guess(String language, double confidence) {}

    interface Identifier {
        Guess identify(String text);
    }

    @Test
    void printsTheNumbers() throws IOException {
        Path data = Path.of(System.getProperty("datasets", "../shared/datasets"));
        assumeTrue(Files.isDirectory(data.resolve("translation")), "no datasets at " + data);
        Map<String, List<Item>> dev = LanguageIdSets.dev(data);
        List<Item> sentences = dev.values().stream().flatMap(List::stream).toList();
        Map<String, List<Item>> sets = LanguageIdSets.sets(dev, sentences);
        List<Item> calibration = LanguageIdSets.calibration(data);

        Map<String, Identifier> identifiers = new LinkedHashMap<>();
        Map<String, String> cost = new LinkedHashMap<>();
        load("service, score (models/langid.tsv)", identifiers, cost, () -> {
            LanguageIdentifier id = LanguageIdentifier.load(Path.of("models/langid.tsv")).uncalibrated();
            Set<String> allowed = Set.copyOf(LANGUAGES);
            return text -> {
                var g = id.identify(text, allowed);
                return g.isEmpty() ? null : new Guess(g.get(0).language(), g.get(0).probability());
            };
        });
        load("Lingua 1.2.2", identifiers, cost, () -> lingua(false));
        load("Lingua 1.2.2 low accuracy", identifiers, cost, () -> lingua(true));
        load("OpenNLP 2.5.11 langdetect-183", identifiers, cost, LanguageIdBenchmark::openNlp);

        System.out.println("langid: load (first call included) and heap after a full GC:");
        cost.forEach((name, c) -> System.out.printf("langid:   %-32s %s%n", name, c));
        printAccuracy(identifiers, sets);
        printTimes(identifiers, sentences, sets);
        List<Item> evaluated = new ArrayList<>(sentences);
        for (int words = 1; words <= 3; words++) {
            evaluated.addAll(sets.get("first " + words + " word" + (words > 1 ? "s" : "") + " of each"));
        }
        evaluated.addAll(sets.get("typed words and phrases"));
        printCalibration(identifiers, evaluated, calibration);
        printShipped(evaluated);
    }

    private static void printAccuracy(Map<String, Identifier> identifiers, Map<String, List<Item>> sets) {
        System.out.println("langid: accuracy in % (items)");
        System.out.printf("langid:   %-34s", "set");
        identifiers.keySet().forEach(n -> System.out.printf(" | %-30s", n));
        System.out.println();
        for (var set : sets.entrySet()) {
            System.out.printf("langid:   %-34s", set.getKey() + " (" + set.getValue().size() + ")");
            for (Identifier id : identifiers.values()) {
                System.out.printf(" | %-30s", String.format(Locale.ROOT, "%.2f", 100.0 * accuracy(id, set.getValue())));
            }
            System.out.println();
        }
    }

    private static void printTimes(Map<String, Identifier> identifiers, List<Item> sentences, Map<String, List<Item>> sets) {
        List<Item> timed = new ArrayList<>(sentences);
        timed.addAll(sets.get("first 2 words of each"));
        System.out.println("langid: microseconds per call (" + timed.size() + " dev sentences and 2-word prefixes, one thread, after a warm-up pass)");
        for (var e : identifiers.entrySet()) {
            e.getValue().identify("warm up");
            for (Item item : timed) {
                e.getValue().identify(item.text());
            }
            long start = System.nanoTime();
            for (Item item : timed) {
                e.getValue().identify(item.text());
            }
            System.out.printf(Locale.ROOT, "langid:   %-32s %.1f%n", e.getKey(), (System.nanoTime() - start) / 1e3 / timed.size());
        }
    }

    /** Each identifier's confidence, raw and after an isotonic map fitted on {@code calibration}, against being right. */
    private static void printCalibration(Map<String, Identifier> identifiers, List<Item> evaluated, List<Item> calibration) {
        System.out.println("langid: confidence of the best language against being right, on the dev sentences, their 1-3-word prefixes and"
                + " the typed phrases (" + evaluated.size() + "); each identifier's score calibrated by an isotonic map fitted here on "
                + calibration.size() + " held-out training lines and their prefixes (ECE: expected calibration error, 10 bins)");
        for (var e : identifiers.entrySet()) {
            List<double[]> fit = scored(e.getValue(), calibration);
            LanguageIdentifier.Calibration map = LanguageIdentifier.Calibration.fit(fit.stream().mapToDouble(r -> r[0]).toArray(),
                    toBooleans(fit));
            List<double[]> raw = scored(e.getValue(), evaluated);
            List<double[]> calibrated = raw.stream().map(r -> new double[] {map.apply(r[0]), r[1]}).toList();
            System.out.printf(Locale.ROOT, "langid:   %-32s score: ECE %.3f (mean %.3f, accuracy %.3f); calibrated: ECE %.3f, %d steps,"
                            + " lowest %.3f; %s%n", e.getKey(), ece(raw), mean(raw, 0), mean(raw, 1), ece(calibrated), map.value().length,
                    map.value()[0], reliability(calibrated));
        }
    }

    /** The service as shipped, calibration included, by the candidates each kind of request has. */
    private static void printShipped(List<Item> evaluated) throws IOException {
        LanguageIdentifier shipped = LanguageIdentifier.load(Path.of("models/langid.tsv"));
        System.out.println("langid: the service as shipped (models/langid.tsv with its calibration, from the langid command), on the same "
                + evaluated.size() + " texts, by the candidates a request has:");
        for (var allowed : List.of(List.<String>of(), LANGUAGES, List.of("de", "en", "es"), List.of("en", "es"), List.of("en", "ko"))) {
            List<double[]> rows = new ArrayList<>();
            for (Item item : evaluated) {
                if (!allowed.isEmpty() && !allowed.contains(item.language())) {
                    continue;
                }
                var g = shipped.identify(item.text(), Set.copyOf(allowed));
                rows.add(g.isEmpty() ? new double[] {0, 0} : new double[] {g.get(0).probability(), g.get(0).language().equals(item.language()) ? 1 : 0});
            }
            String name = allowed.isEmpty() ? "all its languages (/detect)" : String.join(",", allowed)
                    + (allowed.size() == 3 ? " (/translate auto into en)" : allowed.equals(List.of("en", "es")) ? " (into es)"
                    : allowed.equals(List.of("en", "ko")) ? " (/chat)" : "");
            System.out.printf(Locale.ROOT, "langid:   %-34s n %d, accuracy %.3f, mean confidence %.3f, ECE %.3f; %s%n", name, rows.size(),
                    mean(rows, 1), mean(rows, 0), ece(rows), reliability(rows));
        }
    }

    private static boolean[] toBooleans(List<double[]> rows) {
        boolean[] b = new boolean[rows.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = rows.get(i)[1] > 0;
        }
        return b;
    }

    private static double accuracy(Identifier id, List<Item> items) {
        int right = 0;
        for (Item item : items) {
            Guess g = id.identify(item.text());
            if (g != null && g.language().equals(item.language())) {
                right++;
            }
        }
        return (double) right / items.size();
    }

    /** (confidence, 1 if right else 0) per item; an item without an answer counts as wrong at confidence 0. */
    private static List<double[]> scored(Identifier id, List<Item> items) {
        List<double[]> out = new ArrayList<>();
        for (Item item : items) {
            Guess g = id.identify(item.text());
            out.add(g == null ? new double[] {0, 0} : new double[] {g.confidence(), g.language().equals(item.language()) ? 1 : 0});
        }
        return out;
    }

    private static double mean(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(r -> r[column]).average().orElse(Double.NaN);
    }

    /** Expected calibration error over ten equal-width confidence bins. */
    static double ece(List<double[]> rows) {
        double[] conf = new double[10];
        double[] right = new double[10];
        int[] n = new int[10];
        for (double[] r : rows) {
            int b = Math.min(9, (int) (r[0] * 10));
            conf[b] += r[0];
            right[b] += r[1];
            n[b]++;
        }
        double e = 0;
        for (int b = 0; b < 10; b++) {
            if (n[b] > 0) {
                e += Math.abs(conf[b] - right[b]);
            }
        }
        return e / rows.size();
    }

    private static String reliability(List<double[]> rows) {
        StringBuilder s = new StringBuilder();
        for (int b = 0; b < 10; b++) {
            double lo = b / 10.0;
            double hi = (b + 1) / 10.0;
            List<double[]> in = rows.stream().filter(r -> r[0] >= lo && (r[0] < hi || (hi == 1.0 && r[0] <= 1.0))).toList();
            if (!in.isEmpty()) {
                s.append(String.format(Locale.ROOT, "[%.1f,%.1f%s: n %d conf %.3f acc %.3f; ", lo, hi, hi == 1.0 ? "]" : ")",
                        in.size(), mean(in, 0), mean(in, 1)));
            }
        }
        return s.toString();
    }

    private interface Loader {
        Identifier load() throws IOException;
    }

    private static void load(String name, Map<String, Identifier> identifiers, Map<String, String> cost, Loader loader) throws IOException {
        if (linguaLoaded != null && name.startsWith("Lingua")) {
            linguaLoaded.unloadLanguageModels();   // the detector before loads them again, lazily, in its first (untimed) pass
        }
        long before = heapAfterGc();
        long start = System.nanoTime();
        Identifier id = loader.load();
        id.identify("Where is the station?");
        double ms = (System.nanoTime() - start) / 1e6;
        long after = heapAfterGc();
        identifiers.put(name, id);
        cost.put(name, String.format(Locale.ROOT, "%.0f ms, +%.1f MB heap", ms, (after - before) / 1e6));
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Lingua keeps its models in one cache for all detectors: the high-accuracy one unloads them before the low-accuracy one is built and measured. */
    private static LanguageDetector linguaLoaded;

    private static Identifier lingua(boolean lowAccuracy) {
        LanguageDetectorBuilder b = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH, Language.SPANISH, Language.GERMAN, Language.KOREAN)
                .withPreloadedLanguageModels();
        LanguageDetector detector = (lowAccuracy ? b.withLowAccuracyMode() : b).build();
        linguaLoaded = detector;
        return text -> {
            var values = detector.computeLanguageConfidenceValues(text);
            if (values.isEmpty()) {
                return null;
            }
            var best = values.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            return new Guess(best.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT), best.getValue());
        };
    }

    private static Identifier openNlp() throws IOException {
        LanguageDetectorModel model;
        try (InputStream in = LanguageIdBenchmark.class.getResourceAsStream("/langdetect-183.bin")) {
            model = new LanguageDetectorModel(in);
        }
        LanguageDetectorME detector = new LanguageDetectorME(model);
        Map<String, String> codes = Map.of("eng", "en", "spa", "es", "deu", "de", "kor", "ko");
        return text -> {
            String best = null;
            double bestP = 0;
            double sum = 0;
            for (var l : detector.predictLanguages(text)) {
                String code = codes.get(l.getLang());
                if (code != null) {
                    sum += l.getConfidence();
                    if (l.getConfidence() > bestP) {
                        bestP = l.getConfidence();
                        best = code;
                    }
                }
            }
            return best == null ? null : new Guess(best, bestP / sum);
        };
    }
}

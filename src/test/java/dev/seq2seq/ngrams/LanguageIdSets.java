package dev.seq2seq.ngrams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The texts {@link LanguageIdBenchmark} measures on, each with its language, read from the datasets. */
final class LanguageIdSets {
    private LanguageIdSets() {}

    /** Words and phrases people type first, one obvious language each (written for this benchmark). */
    static final Map<String, String> TYPED = typed();

    private static Map<String, String> typed() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : List.of("hi", "Hello", "hello!", "thanks", "Thank you", "good morning", "How are you?", "bye",
                "Good night", "yes please", "What's up?", "see you", "water", "help", "Where is the station?")) {
            m.put(s, "en");
        }
        for (String s : List.of("Hola", "hola!", "gracias", "Buenos días", "¿Qué tal?", "adiós", "por favor", "Buenas noches",
                "¿Cómo estás?", "hasta luego", "agua", "ayuda", "De nada", "¿Dónde está la estación?", "Muchas gracias")) {
            m.put(s, "es");
        }
        for (String s : List.of("Hallo", "danke", "Guten Morgen", "Tschüss", "bitte", "Wie geht's?", "Gute Nacht", "Danke schön",
                "Auf Wiedersehen", "Wasser", "Hilfe", "ja bitte", "Bis morgen", "Wo ist der Bahnhof?", "Entschuldigung")) {
            m.put(s, "de");
        }
        for (String s : List.of("안녕", "안녕하세요", "고마워", "감사합니다", "잘 자", "뭐 해?", "좋아", "네", "물", "도와주세요",
                "반가워요", "또 봐", "잘 지냈어?", "역이 어디예요?", "미안해")) {
            m.put(s, "ko");
        }
        return m;
    }

    /** A text with its language. */
    record Item(String text, String language) {}

    /** Both columns of the Tatoeba dev splits and the songys-ko dev split, by name. */
    static Map<String, List<Item>> dev(Path data) throws IOException {
        Map<String, List<Item>> dev = new LinkedHashMap<>();
        dev.put("tatoeba-eng-spa dev en", column(data.resolve("translation/tatoeba-eng-spa/dev.tsv"), 1, "en", 0, -1));
        dev.put("tatoeba-eng-spa dev es", column(data.resolve("translation/tatoeba-eng-spa/dev.tsv"), 2, "es", 0, -1));
        dev.put("tatoeba-eng-deu dev en", column(data.resolve("translation/tatoeba-eng-deu/dev.tsv"), 1, "en", 0, -1));
        dev.put("tatoeba-eng-deu dev de", column(data.resolve("translation/tatoeba-eng-deu/dev.tsv"), 2, "de", 0, -1));
        dev.put("tatoeba-eng-kor dev en", column(data.resolve("translation/tatoeba-eng-kor/dev.tsv"), 1, "en", 0, -1));
        dev.put("tatoeba-eng-kor dev ko", column(data.resolve("translation/tatoeba-eng-kor/dev.tsv"), 2, "ko", 0, -1));
        dev.put("songys-ko dev questions", column(data.resolve("chat/songys-ko/dev.tsv"), 1, "ko", 0, -1));
        dev.put("songys-ko dev answers", column(data.resolve("chat/songys-ko/dev.tsv"), 2, "ko", 0, -1));
        return dev;
    }

    /** The dev sets, all their sentences, their first one to three words, the typed phrases and the greetings. */
    static Map<String, List<Item>> sets(Map<String, List<Item>> dev, List<Item> sentences) throws IOException {
        Map<String, List<Item>> sets = new LinkedHashMap<>(dev);
        sets.put("all dev sentences", sentences);
        for (int words = 1; words <= 3; words++) {
            sets.put("first " + words + " word" + (words > 1 ? "s" : "") + " of each", prefixes(sentences, words));
        }
        sets.put("typed words and phrases", TYPED.entrySet().stream().map(e -> new Item(e.getKey(), e.getValue())).toList());
        sets.put("bench/greetings sources", greetings(Path.of("bench/greetings/greetings.tsv")));
        return sets;
    }

    /**
     * Held out for the calibration map: training lines past those the shipped profiles were built from
     * (the langid command reads the first 30,000 of each), and a Korean set the profiles never saw,
     * with their first one to three words.
     */
    static List<Item> calibration(Path data) throws IOException {
        List<Item> held = new ArrayList<>();
        held.addAll(column(data.resolve("translation/tatoeba-eng-spa/train.tsv"), 1, "en", 100_000, 1500));
        held.addAll(column(data.resolve("translation/tatoeba-eng-spa/train.tsv"), 2, "es", 100_000, 1500));
        held.addAll(column(data.resolve("translation/tatoeba-eng-deu/train.tsv"), 1, "en", 100_000, 1500));
        held.addAll(column(data.resolve("translation/tatoeba-eng-deu/train.tsv"), 2, "de", 100_000, 1500));
        held.addAll(column(data.resolve("translation/jhe-eng-kor/train.tsv"), 2, "ko", 0, 1000));
        List<Item> calibration = new ArrayList<>(held);
        for (int words = 1; words <= 3; words++) {
            calibration.addAll(prefixes(held, words));
        }
        return calibration;
    }

    /** Column {@code column} (1-based) of lines {@code skip+1 ...} of a TSV file, at most {@code max} (all: -1), as items of one language. */
    static List<Item> column(Path file, int column, String language, int skip, int max) throws IOException {
        List<Item> items = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = skip; i < lines.size() && (max < 0 || items.size() < max); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length >= column && !f[column - 1].isBlank()) {
                items.add(new Item(f[column - 1].strip(), language));
            }
        }
        return items;
    }

    /** The first {@code words} whitespace-separated words of each item, each distinct (text, language) once. */
    static List<Item> prefixes(List<Item> items, int words) {
        Set<Item> out = new LinkedHashSet<>();
        for (Item item : items) {
            String[] w = item.text().split("\\s+");
            if (w.length >= words) {
                out.add(new Item(String.join(" ", java.util.Arrays.copyOf(w, words)), item.language()));
            }
        }
        return List.copyOf(out);
    }

    private static List<Item> greetings(Path file) throws IOException {
        List<Item> items = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length >= 2 && f[0].contains("-")) {
                items.add(new Item(f[1], f[0].substring(0, f[0].indexOf('-'))));
            }
        }
        return items;
    }
}

package dev.seq2seq.spans;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a language writes in lower case, as seen in a model's training sources: a word found
 * there only with a capital ("Tom", "Oluwaseun") is not in it. It tells a name that starts a
 * sentence ("Aiko llega...") from a common word that does ("Compré..."), where a subword
 * vocabulary knows neither as one piece. Saved with a bundle as {@code source.words}, one word a line.
 */
public final class WordList {
    public static final WordList EMPTY = new WordList(Set.of());
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:['’][\\p{L}\\p{M}]+)*");
    /**
     * A word standing alone between spaces, with at most sentence punctuation around it: not a part
     * of an address, a code or a path (lucia.gomez@correo.es, docs/guia, B-12), which stays as typed.
     */
    private static final Pattern TYPED_WORD = Pattern.compile(
            "(?<!\\S)[¿¡\"'(«“‘]*([\\p{L}\\p{M}]+(?:['’][\\p{L}\\p{M}]+)*)[.,;:!?)\"'»”’…]*(?!\\S)");

    private final Set<String> words;
    /** A word with its accents and apostrophes dropped -> the one word of the list written so ("" where several are). */
    private final java.util.Map<String, String> byUnmarked = new java.util.HashMap<>();

    private WordList(Set<String> words) {
        this.words = words;
        for (String w : words) {
            String bare = unmarked(w);
            if (!bare.equals(w)) {
                byUnmarked.merge(bare, w, (a, b) -> "");
            }
        }
    }

    private static final Pattern MARKS = Pattern.compile("[\\p{M}'’]+");

    private static String unmarked(String word) {
        return MARKS.matcher(java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * The text with the accents and apostrophes that typing on a phone drops put back ("el se mejorara
     * pronto" -> "el se mejorará pronto", "i dont know" stays if "dont" is itself written, "isnt" ->
     * "isn't"): a lower-case word the list lacks is replaced by the one word of the list that is
     * written the same without them. A word the list holds, a word with a capital (a name) and a
     * word that could be restored in two ways ("publico": público, publicó) stay as typed.
     */
    public String restoreMarks(String text) {
        if (byUnmarked.isEmpty()) {
            return text;
        }
        Matcher m = TYPED_WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 8);
        int at = 0;
        while (m.find()) {
            String w = m.group(1);
            if (!w.equals(w.toLowerCase(Locale.ROOT)) || words.contains(w)) {
                continue;
            }
            String restored = byUnmarked.get(unmarked(w));
            if (restored != null && !restored.isEmpty()) {
                out.append(text, at, m.start(1)).append(restored);
                at = m.end(1);
            }
        }
        return at == 0 ? text : out.append(text.substring(at)).toString();
    }

    /** The words written in lower case somewhere in the sentences, at least {@code minCount} times. */
    public static WordList of(Iterable<String> sentences, int minCount) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (String sentence : sentences) {
            Matcher m = WORD.matcher(sentence);
            while (m.find()) {
                String w = m.group();
                if (w.equals(w.toLowerCase(Locale.ROOT)) && !w.equals(w.toUpperCase(Locale.ROOT))) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        Set<String> kept = new HashSet<>();
        counts.forEach((w, c) -> {
            if (c >= minCount) {
                kept.add(w);
            }
        });
        return new WordList(kept);
    }

    public static WordList read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Set<String> words = new HashSet<>(lines.size() * 2);
        for (String line : lines) {
            if (!line.isBlank()) {
                words.add(line.strip());
            }
        }
        return new WordList(words);
    }

    /** Writes the words sorted, one a line. */
    public void write(Path file) throws IOException {
        Files.write(file, new TreeSet<>(words), StandardCharsets.UTF_8);
    }

    /** True when the language writes this word (in any case as given) in lower case. */
    public boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public int size() {
        return words.size();
    }
}

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
 * vocabulary knows neither as one piece. For a language that writes its nouns with a capital
 * (German: "ein Zimmer für zwei Nächte") it also holds, with their capital, the nouns the sources
 * use ({@link #isNoun}), so that only a capitalised word the model never learnt is taken for a name.
 * Saved with a bundle as {@code source.words}, one word a line; a line with a capital is a noun.
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

    /**
     * Contractions of a pronoun that the language always writes with a capital, so that a list of the
     * words written in lower case never holds them: English "I'm", "I've" (not "I'll" or "I'd": "ill" is a word, and "id" one a list may lack).
     */
    private static final java.util.Map<String, List<String>> CAPITALISED_CONTRACTIONS = java.util.Map.of(
            "en", List.of("I'm", "I've"));

    private WordList(Set<String> words) {
        this(words, "");
    }

    private WordList(Set<String> words, String language) {
        this.words = words;
        for (String w : words) {
            if (!w.equals(w.toLowerCase(Locale.ROOT))) {
                continue;   // a noun: restoreMarks puts back lower-case words only
            }
            String bare = unmarked(w);
            if (!bare.equals(w)) {
                // "can't" and "can’t" are one word typed with two apostrophes: the straight one is kept
                byUnmarked.merge(bare, w, (a, b) -> a.replace('’', '\'').equals(b.replace('’', '\'')) ? a.replace('’', '\'') : "");
            }
        }
        if (!words.isEmpty()) {
            for (String w : CAPITALISED_CONTRACTIONS.getOrDefault(language, List.of())) {
                String bare = unmarked(w).toLowerCase(Locale.ROOT);
                if (!words.contains(bare)) {
                    byUnmarked.putIfAbsent(bare, w);
                }
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
     * "isn't", "im" -> "I'm" in English): a lower-case word the list lacks is replaced by the one word of the
     * list that is written the same without them. A word the list holds, a word with a capital (a name) and a
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

    /**
     * Sources of a language that writes words other than names with a capital (German its nouns,
     * English its weekdays, months, languages and peoples: "on Thursday", "in August", "in English"):
     * the minimum count for {@link #of(List, List, int, int)} (3: such a word recurs, most names in a
     * corpus do not); 0, none, for the others. Without them "Thursday" would be taken for a name and
     * copied into a Spanish translation.
     */
    public static int nounMinCount(String language) {
        return NOUN_LANGUAGES.contains(language) ? 3 : 0;
    }

    private static final Set<String> NOUN_LANGUAGES = Set.of("de", "en");
    /**
     * A word with a capital and then lower case, hyphenated parts included ("Zimmer", "Online-Shop"),
     * standing on its own: not "WLAN", "iPhone" or "MediaMarkt".
     */
    private static final Pattern CAPITALISED = Pattern.compile(
            "(?<![\\p{L}\\p{M}\\p{N}'’-])\\p{Lu}[\\p{Ll}\\p{M}]*\\p{Ll}(?:-[\\p{L}\\p{M}]+)*(?![\\p{L}\\p{M}\\p{N}'’-])");
    private static final Pattern TRANSLATED_WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:-[\\p{L}\\p{M}]+)*");
    /** What may stand between a sentence's end (or its start) and its first word: spaces, quotes, brackets, dashes. */
    private static final String OPENING = " \t„“\"'‚‘«»([–—-";

    /** The words written in lower case somewhere in the sentences, at least {@code minCount} times. */
    public static WordList of(List<String> sentences, int minCount) {
        return of(sentences, List.of(), minCount, 0);
    }

    /**
     * The words written in lower case somewhere in the sources, at least {@code minCount} times, and,
     * where {@code nounMinCount} is above 0, the nouns: the words written with a capital inside a
     * sentence (not as its first word) at least {@code nounMinCount} times, save those that the
     * translations (one per source; none to skip this check) write the same, case, accents and a
     * plural -s aside ("Angeles" -> "Ángeles"), in at least half of those sentences: names carried over as written ("Tom", "Boston")
     * and words the target language shares ("Euro" -> euros, "Hotel", "Ticket"), which a copy
     * renders as well as a translation, and a small model often does not ("Euro" -> eggs).
     */
    public static WordList of(List<String> sources, List<String> translations, int minCount, int nounMinCount) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (String sentence : sources) {
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
        if (nounMinCount > 0) {
            kept.addAll(nouns(sources, translations, nounMinCount));
        }
        return new WordList(kept);
    }

    private static Set<String> nouns(List<String> sources, List<String> translations, int minCount) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        java.util.Map<String, Integer> carried = new java.util.HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            String sentence = sources.get(i);
            Set<String> translated = null;
            Matcher m = CAPITALISED.matcher(sentence);
            while (m.find()) {
                if (startsSentence(sentence, m.start())) {
                    continue;
                }
                String w = m.group();
                counts.merge(w, 1, Integer::sum);
                if (i < translations.size()) {
                    if (translated == null) {
                        Set<String> t = new HashSet<>();
                        TRANSLATED_WORD.matcher(translations.get(i)).results().forEach(r -> t.add(folded(r.group())));
                        translated = t;
                    }
                    String lower = folded(w);
                    if (translated.contains(lower) || translated.contains(lower + "s")) {
                        carried.merge(w, 1, Integer::sum);
                    }
                }
            }
        }
        Set<String> nouns = new HashSet<>();
        counts.forEach((w, c) -> {
            if (c >= minCount && 2 * carried.getOrDefault(w, 0) < c) {
                nouns.add(w);
            }
        });
        return nouns;
    }

    /** Lower case without accents: "Ángeles" and "Angeles" are the same name, carried over. */
    private static String folded(String word) {
        return java.text.Normalizer.normalize(word.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** True when the word at {@code at} starts a sentence: only spaces, quotes or brackets since the start or a . ! ? : … */
    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && OPENING.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i < 0 || ".!?:…".indexOf(text.charAt(i)) >= 0;
    }

    public static WordList read(Path file) throws IOException {
        return read(file, "");
    }

    /** The list saved at {@code file}, for sources in the given language (ISO 639-1; "" for none in particular). */
    public static WordList read(Path file, String language) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Set<String> words = new HashSet<>(lines.size() * 2);
        for (String line : lines) {
            if (!line.isBlank()) {
                words.add(line.strip());
            }
        }
        return new WordList(words, language);
    }

    /** Writes the words sorted, one a line. */
    public void write(Path file) throws IOException {
        Files.write(file, new TreeSet<>(words), StandardCharsets.UTF_8);
    }

    /** True when the language writes this word (in any case as given) in lower case. */
    public boolean contains(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    /** True when the list holds the word as given, with its capital: a noun of a language that capitalises them ("Zimmer"). */
    public boolean isNoun(String word) {
        return !word.equals(word.toLowerCase(Locale.ROOT)) && words.contains(word);
    }

    /** How many of the words are {@linkplain #isNoun nouns}, held with their capital. */
    public int nouns() {
        return (int) words.stream().filter(w -> !w.equals(w.toLowerCase(Locale.ROOT))).count();
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public int size() {
        return words.size();
    }
}

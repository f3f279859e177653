package dev.seq2seq.spans;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import dev.seq2seq.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Splits text into sentences with ICU's sentence break iterator, which does not break inside
 * numbers (3.50), addresses (juan@example.com, example.com/a.b) or after the abbreviations that
 * ICU knows for the language (Mr., Dr., e.g.), with a few more everyday ones of our own
 * (p.m., Sr., Sra., z. B.). Each sentence comes back normalized and trimmed.
 */
public final class Sentences {
    /** Abbreviations ICU's data lacks, per language, after which a sentence does not end (the next sentence is joined back). */
    private static final java.util.Map<String, Set<String>> EXTRA = java.util.Map.of(
            "en", Set.of("a.m.", "p.m.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "approx.", "etc.", "e.g.", "i.e.", "vs.", "No."),
            "es", Set.of("Sr.", "Sra.", "Srta.", "Dr.", "Dra.", "Ud.", "Uds.", "etc.", "p.ej.", "aprox.", "núm.", "pág.", "a.m.", "p.m.", "Av.", "Avda.", "C/."),
            "de", Set.of("z.B.", "B.", "z.", "d.h.", "u.a.", "usw.", "bzw.", "ca.", "Dr.", "Hr.", "Fr.", "Nr.", "Str.", "evtl.", "ggf.", "inkl.", "vgl."));
    private static final java.util.regex.Pattern INITIAL = java.util.regex.Pattern.compile("(?:^|[\\s(])\\p{L}\\.$");
    private static final ConcurrentMap<String, BreakIterator> PROTOTYPES = new ConcurrentHashMap<>();

    private Sentences() {}

    /** Sentences of a text in an unknown language (English abbreviations). */
    public static List<String> split(String text) {
        return split(text, "en");
    }

    /** Sentences of a text in the given language (ISO 639-1). */
    public static List<String> split(String text, String language) {
        List<String> out = new ArrayList<>();
        String normalized = TextNormalizer.normalize(text);
        if (normalized.isEmpty()) {
            return out;
        }
        BreakIterator it = (BreakIterator) iterator(language).clone();
        it.setText(capitalized(normalized));   // same length, same offsets
        List<ProtectedSpans.Span> spans = ProtectedSpans.find(normalized);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int cut = end;
            if (spans.stream().anyMatch(sp -> sp.start() < cut && cut < sp.end())) {
                end = start;   // "Tr4v3l!2026", "register?id=22": no sentence ends inside a protected span
                continue;
            }
            String sentence = normalized.substring(start, end).strip();
            if (sentence.isEmpty()) {
                continue;
            }
            int last = out.size() - 1;
            if (last >= 0 && Character.isLetter(sentence.codePointAt(0))
                    && (INITIAL.matcher(out.get(last)).find() || endsWithAbbreviation(out.get(last), language))) {
                // "z. B.", "J. K. Rowling", "3 p.m. on": an initial or a listed abbreviation ends no sentence
                out.set(last, out.get(last) + " " + sentence);
            } else {
                out.add(sentence);
            }
        }
        return out;
    }

    /**
     * The text with the first letter after a full stop (or ?, !, …) and a space in capitals: text
     * typed in lower case ("hola. gracias.") then splits as written text does, where ICU would
     * take the lower-case letter for a sign that the sentence goes on. Abbreviations stay whole.
     */
    private static String capitalized(String text) {
        char[] chars = text.toCharArray();
        for (int i = 2; i < chars.length; i++) {
            int open = i;
            while (open < chars.length && "¿¡\"«“'(".indexOf(chars[open]) >= 0) {
                open++;   // ". ¿dónde": the letter after the opening marks
            }
            if (open > i && open < chars.length && chars[i - 1] == ' ' && ".!?…".indexOf(chars[i - 2]) >= 0
                    && Character.isLowerCase(chars[open]) && Character.charCount(Character.toUpperCase((int) chars[open])) == 1) {
                chars[open] = (char) Character.toUpperCase((int) chars[open]);
                continue;
            }
            if (chars[i - 1] == ' ' && ".!?…".indexOf(chars[i - 2]) >= 0 && Character.isLowerCase(chars[i])
                    && Character.charCount(Character.toUpperCase((int) chars[i])) == 1) {
                chars[i] = (char) Character.toUpperCase((int) chars[i]);
            }
        }
        return new String(chars);
    }

    private static boolean endsWithAbbreviation(String sentence, String language) {
        String lastWord = sentence.substring(sentence.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        return EXTRA.getOrDefault(key(language), Set.of()).stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(lastWord));
    }

    private static String key(String language) {
        return language == null ? "en" : language.toLowerCase(Locale.ROOT);
    }

    private static BreakIterator iterator(String language) {
        return PROTOTYPES.computeIfAbsent(key(language), k -> {
            ULocale locale = new ULocale(k);   // ICU's own abbreviation list for the language, then ours above
            return FilteredBreakIteratorBuilder.getInstance(locale).wrapIteratorWithFilter(BreakIterator.getSentenceInstance(locale));
        });
    }
}

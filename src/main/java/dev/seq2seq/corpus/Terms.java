package dev.seq2seq.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words of one kind that mean the same in each language ({@code augment/terms.tsv}: weekdays,
 * months, currencies, and openers such as "Hola"/"Hello"). The corpus holds a few of each kind
 * often and the rest hardly at all, so {@link Augmenter} writes copies of a pair with one of them
 * put in place of another on both sides, and copies that begin with an opener.
 */
final class Terms {
    static final String OPENER = "opener";
    private static final List<String> LANGUAGES = List.of("en", "es", "de");

    /** One row of the file: its kind, and the word in each language. */
    record Term(String kind, Map<String, String> words) {
        String in(String language) {
            return words.get(language);
        }
    }

    private final Map<String, List<Term>> byKind;

    private Terms(Map<String, List<Term>> byKind) {
        this.byKind = byKind;
    }

    static Terms load() {
        try (InputStream in = Terms.class.getResourceAsStream("/augment/terms.tsv")) {
            if (in == null) {
                throw new IllegalStateException("augment/terms.tsv is missing from the class path");
            }
            Map<String, List<Term>> byKind = new LinkedHashMap<>();
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length != LANGUAGES.size() + 1) {
                    throw new IllegalStateException("augment/terms.tsv: expected kind and " + LANGUAGES + " in: " + line);
                }
                Map<String, String> words = new LinkedHashMap<>();
                for (int i = 0; i < LANGUAGES.size(); i++) {
                    words.put(LANGUAGES.get(i), f[i + 1]);
                }
                byKind.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Term(f[0], words));
            }
            return new Terms(byKind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean covers(String language) {
        return LANGUAGES.contains(language);
    }

    /**
     * Up to {@code copies} different pairs, each with, for each kind (openers aside) whose one word
     * both sides hold once each, that word replaced by another word of the kind on both sides: the
     * others of a kind are shuffled and taken in turn, so no copy repeats one (as many copies as the
     * smallest kind present has others); none where no kind is there.
     */
    List<ParallelCorpus.Pair> substitutes(ParallelCorpus.Pair p, String sourceLanguage, String targetLanguage, int copies,
                                          Random random) {
        List<Term> present = new ArrayList<>();
        List<List<Term>> others = new ArrayList<>();
        for (Map.Entry<String, List<Term>> kind : byKind.entrySet()) {
            if (kind.getKey().equals(OPENER)) continue;
            Term one = null;
            int found = 0;
            for (Term t : kind.getValue()) {
                int s = Augmenter.count(word(t.in(sourceLanguage), sourceLanguage), p.source());
                int g = Augmenter.count(word(t.in(targetLanguage), targetLanguage), p.target());
                if (s > 0 || g > 0) {
                    found++;
                    one = s == 1 && g == 1 ? t : null;
                }
            }
            if (found != 1 || one == null || kind.getValue().size() < 2) continue;
            List<Term> rest = new ArrayList<>(kind.getValue());
            rest.remove(one);
            java.util.Collections.shuffle(rest, random);
            present.add(one);
            others.add(rest);
            copies = Math.min(copies, rest.size());
        }
        if (present.isEmpty()) {
            return List.of();
        }
        List<ParallelCorpus.Pair> out = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            String source = p.source();
            String target = p.target();
            for (int k = 0; k < present.size(); k++) {
                Term from = present.get(k);
                Term to = others.get(k).get(i);
                source = replace(source, from.in(sourceLanguage), to.in(sourceLanguage), sourceLanguage);
                target = replace(target, from.in(targetLanguage), to.in(targetLanguage), targetLanguage);
            }
            out.add(new ParallelCorpus.Pair(source, target));
        }
        return out;
    }

    /**
     * The pair with the same opener (and now and then a name after it) in front of both sides:
     * "Hola, ¿cómo estás?" / "Hello, how are you?". A side's first word is lower-cased where the
     * corpus also writes it in lower case ({@code lowerSource}, {@code lowerTarget}), so names and
     * German nouns keep their capital.
     */
    ParallelCorpus.Pair open(ParallelCorpus.Pair p, String sourceLanguage, String targetLanguage, String name,
                             Set<String> lowerSource, Set<String> lowerTarget, Random random) {
        List<Term> openers = byKind.getOrDefault(OPENER, List.of());
        if (openers.isEmpty()) {
            return null;
        }
        if (AMBIGUOUS_START.contains(firstWord(p.source())) || AMBIGUOUS_START.contains(firstWord(p.target()))) {
            return null;   // "Sie sind..." is "they are" or "you are": lower-cased or not, a copy may say the other
        }
        Term o = openers.get(random.nextInt(openers.size()));
        String tail = name == null ? ", " : " " + name + ", ";
        return new ParallelCorpus.Pair(o.in(sourceLanguage) + tail + decapitalize(p.source(), lowerSource),
                o.in(targetLanguage) + tail + decapitalize(p.target(), lowerTarget));
    }

    /** German words whose capital at a sentence's start hides which of two words they are (Sie/sie, Ihr/ihr). */
    private static final Set<String> AMBIGUOUS_START = Set.of("Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", "Ihnen");

    private static String firstWord(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '¿' || text.charAt(start) == '¡')) start++;
        int end = start;
        while (end < text.length() && isWordPart(text.codePointAt(end))) end += Character.charCount(text.codePointAt(end));
        return text.substring(start, end);
    }

    private static boolean isWordPart(int cp) {
        return Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    /** The text with its first word in lower case (after any opening ¿ or ¡) where {@code lower} holds that word so written. */
    static String decapitalize(String text, Set<String> lower) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '¿' || text.charAt(start) == '¡')) start++;
        int end = start;
        while (end < text.length() && isWordPart(text.codePointAt(end))) end += Character.charCount(text.codePointAt(end));
        if (end == start || !Character.isUpperCase(text.codePointAt(start))) {
            return text;
        }
        String first = text.substring(start, end).toLowerCase(Locale.ROOT);
        return lower.contains(first) ? text.substring(0, start) + first + text.substring(end) : text;
    }

    /** English words are matched as written (May the month, not may); Spanish and German ones in any case. */
    private static Pattern word(String w, String language) {
        int flags = language.equals("en") ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])", flags);
    }

    /** Each occurrence of {@code from} replaced by {@code to}, with a capital where the occurrence had one. */
    private static String replace(String text, String from, String to, String language) {
        Matcher m = word(from, language).matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean capital = Character.isUpperCase(m.group().codePointAt(0));
            String r = capital ? to.substring(0, 1).toUpperCase(Locale.ROOT) + to.substring(1) : to;
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString();
    }
}

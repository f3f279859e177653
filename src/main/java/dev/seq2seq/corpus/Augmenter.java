package dev.seq2seq.corpus;

import dev.seq2seq.spans.NumberWords;
import dev.seq2seq.spans.Placeholders;
import dev.seq2seq.spans.ProjectNames;
import dev.seq2seq.spans.ProtectedSpans;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns translation pairs into the pairs a model for real input is trained on (seeded, so the
 * same input always gives the same output):
 * <ul>
 *   <li><b>protected spans</b>: where both sides hold the same numbers, times, codes, URLs... they
 *       become the same {@link Placeholders}, as {@link ProtectedSpans} does to a request;</li>
 *   <li><b>number words</b>: a number written as a word on both sides ("three"/"tres") becomes a
 *       placeholder in some copies, so that placeholders are seen in many more contexts;</li>
 *   <li><b>names</b>: the corpus's few names (Tom, Mary...) replaced by the same name, place or
 *       brand from {@code augment/names.txt} on both sides, so that unseen names are copied;</li>
 *   <li><b>terms</b>: a weekday, month or currency both sides hold replaced by another of its
 *       kind on both sides ({@link Terms}), since the corpus has a few of each kind often and the
 *       rest hardly at all; and copies that begin with an opener ("Hola, ..." / "Hello, ...");</li>
 *   <li><b>text as typed</b>: copies whose source is lower-cased, or lower-cased without accents
 *       and punctuation (the target stays clean).</li>
 * </ul>
 * Placeholder indices are sometimes shifted (k, k+1...) so that every placeholder is trained.
 */
public final class Augmenter {
    /** How much of each kind to add; every original pair is kept (with its spans masked). */
    public record Rates(double names, double namePlaceholders, double numberWords, double lowerCase, double plain, double clean,
                        double terms, double openers) {
        /** {@code terms}: copies per pair that holds a term (a fraction is a chance of one more: 2.5 gives two, and half the time three); {@code openers}: share of pairs. */
        public static final Rates DEFAULT = new Rates(0.25, 0.15, 1.0, 0.12, 0.12, 1.0, 2.0, 0.05);
    }

    /** What {@link #augment} counts, in the order of its {@code counts} array. */
    public static final int COUNTS = 10;

    private static final List<String> CORPUS_NAMES = List.of("Tom", "Mary", "John", "Alice");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}&&[^'@#/:.-]]|(?<!\\d)[.:](?!\\d)");

    private final List<String> names;
    private final Rates rates;
    private final Random random;
    private final String sourceLanguage;
    private final String targetLanguage;
    private final Terms terms = Terms.load();
    private Set<String> lowerSource = Set.of();
    private Set<String> lowerTarget = Set.of();

    public Augmenter(String sourceLanguage, String targetLanguage, Rates rates, long seed) {
        this.sourceLanguage = sourceLanguage;
        this.targetLanguage = targetLanguage;
        this.rates = rates;
        this.random = new Random(seed);
        this.names = loadNames();
    }

    /**
     * The augmented pairs: each original (its shared spans masked) followed by its extra copies.
     * {@code counts} receives: pairs read, pairs masked, name copies, number-word copies,
     * lower-cased copies, plain copies, name-placeholder copies, unchanged pairs left out, term
     * copies, opener copies ({@link #COUNTS} in all).
     */
    public List<ParallelCorpus.Pair> augment(List<ParallelCorpus.Pair> pairs, int[] counts) {
        lowerSource = lowerCaseWords(pairs.stream().map(ParallelCorpus.Pair::source).toList());
        lowerTarget = lowerCaseWords(pairs.stream().map(ParallelCorpus.Pair::target).toList());
        List<ParallelCorpus.Pair> out = new ArrayList<>(pairs.size() * 2);
        for (ParallelCorpus.Pair p : pairs) {
            int before = out.size();
            ParallelCorpus.Pair masked = addMasked(p, out, counts);
            addCopies(p, masked, out, counts);
            if (out.size() == before + 1 && masked.equals(p) && random.nextDouble() >= rates.clean()) {
                out.remove(before);   // a pair left as it was, not kept (a smaller fine-tuning set)
                counts[7]++;
            }
        }
        return out;
    }

    /** Adds the pair with its shared spans masked, and returns it; a pair that has some, twice more with placeholders shifted. */
    private ParallelCorpus.Pair addMasked(ParallelCorpus.Pair p, List<ParallelCorpus.Pair> out, int[] counts) {
        ParallelCorpus.Pair masked = mask(p.source(), p.target());
        counts[0]++;
        out.add(masked);
        if (!masked.equals(p)) {   // the few pairs with real shared spans
            counts[1]++;
            out.add(mask(p.source(), p.target()));
            out.add(mask(p.source(), p.target()));
        }
        return masked;
    }

    /** Adds the pair's extra copies, each at its rate: a name as a placeholder, another name, a number word as a placeholder, the source as typed. */
    private void addCopies(ParallelCorpus.Pair p, ParallelCorpus.Pair masked, List<ParallelCorpus.Pair> out, int[] counts) {
        if (random.nextDouble() < rates.namePlaceholders()) {
            addCopy(nameToPlaceholder(masked), 6, out, counts);
        }
        if (random.nextDouble() < rates.names()) {
            ParallelCorpus.Pair named = substituteName(p);
            addCopy(named == null ? null : mask(named.source(), named.target()), 2, out, counts);
        }
        if (random.nextDouble() < rates.numberWords()) {
            addCopy(numberWordToPlaceholder(masked), 3, out, counts);
        }
        if (terms.covers(sourceLanguage) && terms.covers(targetLanguage)) {
            addTermCopies(masked, out, counts);
        }
        double r = random.nextDouble();
        if (r < rates.lowerCase()) {
            addCopy(new ParallelCorpus.Pair(lower(masked.source()), masked.target()), 4, out, counts);
        } else if (r < rates.lowerCase() + rates.plain()) {
            addCopy(new ParallelCorpus.Pair(plain(masked.source()), masked.target()), 5, out, counts);
        }
    }

    /** Copies with another weekday, month or currency in place of the pair's, and now and then one that begins with an opener. */
    private void addTermCopies(ParallelCorpus.Pair masked, List<ParallelCorpus.Pair> out, int[] counts) {
        int copies = (int) rates.terms() + (random.nextDouble() < rates.terms() % 1 ? 1 : 0);
        for (ParallelCorpus.Pair copy : terms.substitutes(masked, sourceLanguage, targetLanguage, copies, random)) {
            addCopy(copy, 8, out, counts);
        }
        if (random.nextDouble() < rates.openers()) {
            List<String> people = ProjectNames.people();   // "Hola Ximena, ...", never "Hola Spotify, ..."
            String name = random.nextDouble() < 0.3 ? people.get(random.nextInt(people.size())) : null;
            addCopy(terms.open(masked, sourceLanguage, targetLanguage, name, lowerSource, lowerTarget, random), 9, out, counts);
        }
    }

    /**
     * The words that the texts write in lower case more often than with a capital after a text's first
     * word: "tom", typed twice in 13,000 Spanish lines that write "Tom", is no such word.
     */
    private static Set<String> lowerCaseWords(List<String> texts) {
        Map<String, int[]> seen = new HashMap<>();   // word in lower case -> {times in lower case, times capitalised inside a text}
        for (String t : texts) {
            boolean first = true;
            for (String w : t.split("[^\\p{L}\\p{M}]+")) {
                if (w.isEmpty()) continue;
                if (Character.isLowerCase(w.codePointAt(0))) {
                    seen.computeIfAbsent(w, k -> new int[2])[0]++;
                } else if (!first) {
                    seen.computeIfAbsent(w.toLowerCase(Locale.ROOT), k -> new int[2])[1]++;
                }
                first = false;
            }
        }
        Set<String> lower = new HashSet<>();
        seen.forEach((w, c) -> {
            if (c[0] > c[1]) lower.add(w);
        });
        return lower;
    }

    /** Adds a copy (none where it is null), counted under {@code kind}. */
    private static void addCopy(ParallelCorpus.Pair copy, int kind, List<ParallelCorpus.Pair> out, int[] counts) {
        if (copy != null) {
            out.add(copy);
            counts[kind]++;
        }
    }

    /**
     * The pair with the spans both sides share replaced by placeholders: the target's span that
     * equals (digits compared, so 400,000 matches 400.000) a source span gets that span's
     * placeholder. A pair whose sides do not hold the same spans is returned as it is.
     */
    public ParallelCorpus.Pair mask(String source, String target) {
        List<ProtectedSpans.Span> s = ProtectedSpans.find(source);
        List<ProtectedSpans.Span> t = ProtectedSpans.find(target);
        if (s.isEmpty() || s.size() != t.size() || s.size() > Placeholders.COUNT) {
            return new ParallelCorpus.Pair(source, target);
        }
        int[] targetIndex = new int[t.size()];
        boolean[] taken = new boolean[s.size()];
        for (int j = 0; j < t.size(); j++) {
            targetIndex[j] = -1;
            for (int i = 0; i < s.size(); i++) {
                if (!taken[i] && key(s.get(i).text()).equals(key(t.get(j).text()))) {
                    taken[i] = true;
                    targetIndex[j] = i;
                    break;
                }
            }
            if (targetIndex[j] < 0) {
                return new ParallelCorpus.Pair(source, target);
            }
        }
        int shift = random.nextBoolean() ? 0 : random.nextInt(Placeholders.COUNT - s.size() + 1);
        StringBuilder src = new StringBuilder();
        int at = 0;
        for (int i = 0; i < s.size(); i++) {
            src.append(source, at, s.get(i).start()).append(Placeholders.of(i + shift));
            at = s.get(i).end();
        }
        src.append(source.substring(at));
        StringBuilder tgt = new StringBuilder();
        at = 0;
        for (int j = 0; j < t.size(); j++) {
            tgt.append(target, at, t.get(j).start()).append(Placeholders.of(targetIndex[j] + shift));
            at = t.get(j).end();
        }
        tgt.append(target.substring(at));
        return new ParallelCorpus.Pair(src.toString(), tgt.toString());
    }

    /** Spans compare by their letters and digits only, so a localized thousands or decimal separator still matches. */
    private static String key(String span) {
        return span.replaceAll("[.,\\s]", "").toLowerCase(Locale.ROOT);
    }

    private ParallelCorpus.Pair substituteName(ParallelCorpus.Pair p) {
        List<String> present = new ArrayList<>();
        for (String name : CORPUS_NAMES) {
            Pattern w = word(name);
            int inSource = count(w, p.source());
            if (inSource > 0 && inSource == count(w, p.target())) {
                present.add(name);
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        String source = p.source();
        String target = p.target();
        List<String> chosen = new ArrayList<>();
        for (String name : present) {
            String replacement;
            do {
                replacement = names.get(random.nextInt(names.size()));
            } while (chosen.contains(replacement));
            chosen.add(replacement);
            source = word(name).matcher(source).replaceAll(Matcher.quoteReplacement(replacement));
            target = word(name).matcher(target).replaceAll(Matcher.quoteReplacement(replacement));
        }
        return new ParallelCorpus.Pair(source, target);
    }

    /** The corpus names both sides hold equally often replaced by placeholders, as a code or an address would be. */
    private ParallelCorpus.Pair nameToPlaceholder(ParallelCorpus.Pair p) {
        String source = p.source();
        String target = p.target();
        int next = random.nextBoolean() ? 0 : random.nextInt(Placeholders.COUNT / 2);
        boolean changed = false;
        for (String name : CORPUS_NAMES) {
            Pattern w = word(name);
            int inSource = count(w, source);
            if (inSource > 0 && inSource == count(w, target) && next < Placeholders.COUNT
                    && !source.contains(Placeholders.of(next)) && !target.contains(Placeholders.of(next))) {
                String ph = Matcher.quoteReplacement(Placeholders.of(next++));
                source = w.matcher(source).replaceAll(ph);
                target = w.matcher(target).replaceAll(ph);
                changed = true;
            }
        }
        return changed ? new ParallelCorpus.Pair(source, target) : null;
    }

    /** One number word that both sides hold with the same value, replaced by a free placeholder on both. */
    private ParallelCorpus.Pair numberWordToPlaceholder(ParallelCorpus.Pair p) {
        Map<String, Integer> src = NumberWords.of(sourceLanguage);
        Map<String, Integer> tgt = NumberWords.of(targetLanguage);
        if (src.isEmpty() || tgt.isEmpty()) {
            return null;
        }
        int free = 0;
        while (free < Placeholders.COUNT && (p.source().contains(Placeholders.of(free)) || p.target().contains(Placeholders.of(free)))) {
            free++;
        }
        if (free == Placeholders.COUNT) {
            return null;
        }
        for (Map.Entry<String, Integer> s : src.entrySet()) {
            Pattern sw = word(s.getKey());
            if (count(sw, p.source()) != 1) continue;
            for (Map.Entry<String, Integer> t : tgt.entrySet()) {
                Pattern tw = word(t.getKey());
                if (t.getValue().equals(s.getValue()) && count(tw, p.target()) == 1) {
                    String ph = Matcher.quoteReplacement(Placeholders.of(free));
                    return new ParallelCorpus.Pair(sw.matcher(p.source()).replaceFirst(ph), tw.matcher(p.target()).replaceFirst(ph));
                }
            }
        }
        return null;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Lower case, accents and punctuation dropped, as text is often typed on a phone. */
    static String plain(String text) {
        String noAccents = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String noPunct = PUNCTUATION.matcher(noAccents).replaceAll("");
        noPunct = Normalizer.normalize(noPunct, Normalizer.Form.NFC).replace("ß", "ss");
        return noPunct.replaceAll("\\s+", " ").strip();
    }

    private static Pattern word(String w) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** How often the pattern occurs in the text. */
    static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static List<String> loadNames() {
        return ProjectNames.all();
    }
}

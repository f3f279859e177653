package dev.seq2seq.translate;

import dev.seq2seq.request.InvalidInputException;
import dev.seq2seq.spans.ProtectedSpans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request's own terms: words to keep untranslated and a glossary of source term -> target term.
 * Both go through the model as placeholders, like numbers do, and come back as written (kept
 * terms) or as their target term (glossary).
 *
 * @param keep     terms copied as they occur
 * @param glossary source term -> target term, in the request's order
 */
public record Terms(List<String> keep, Map<String, String> glossary) {
    public static final Terms NONE = new Terms(List.of(), Map.of());
    public static final int MAX_TERMS = 20;
    public static final int MAX_LENGTH = 100;

    public Terms {
        keep = List.copyOf(keep);
        glossary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(glossary));
    }

    public boolean isEmpty() {
        return keep.isEmpty() && glossary.isEmpty();
    }

    /**
     * Checked terms: a 400 (naming the field) for more than {@value #MAX_TERMS} in all, an empty or
     * over-long term, or two terms of which one contains the other (which would make the text's
     * spans overlap).
     */
    public static Terms of(List<String> keep, List<Map.Entry<String, String>> glossary) {
        List<String> k = keep == null ? List.of() : keep;
        List<Map.Entry<String, String>> g = glossary == null ? List.of() : glossary;
        if (k.size() + g.size() > MAX_TERMS) {
            throw new InvalidInputException(k.size() > MAX_TERMS ? "keep" : "glossary", "keep and glossary hold " + (k.size() + g.size())
                    + " terms together; the limit is " + MAX_TERMS);
        }
        List<String> all = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < k.size(); i++) {
            all.add(check("keep[" + i + "]", k.get(i)));
            fields.add("keep[" + i + "]");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < g.size(); i++) {
            String source = check("glossary[" + i + "].source", g.get(i).getKey());
            String target = check("glossary[" + i + "].target", g.get(i).getValue());
            all.add(source);
            fields.add("glossary[" + i + "].source");
            map.put(source, target);
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < all.size(); j++) {
                String a = all.get(i).toLowerCase(Locale.ROOT);
                String b = all.get(j).toLowerCase(Locale.ROOT);
                if (i != j && a.contains(b) && (i < j || !a.equals(b))) {
                    throw new InvalidInputException(fields.get(j), fields.get(j) + " '" + all.get(j) + "' overlaps " + fields.get(i)
                            + " '" + all.get(i) + "': give each term once, and no term inside another");
                }
            }
        }
        return new Terms(all.subList(0, k.size()), map);
    }

    private static String check(String field, String term) {
        if (term == null || term.isBlank()) {
            throw new InvalidInputException(field, field + " is empty");
        }
        if (term.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, field + " has " + term.length() + " characters; the limit is " + MAX_LENGTH);
        }
        return term.strip();
    }

    /**
     * The spans of a sentence these terms cover (whole words, any case), each with what comes back
     * in its place: the text as written for a kept term, the target term for a glossary entry.
     */
    public List<ProtectedSpans.Span> find(String sentence) {
        List<ProtectedSpans.Span> out = new ArrayList<>();
        for (String term : keep) {
            Matcher m = pattern(term).matcher(sentence);
            while (m.find()) out.add(new ProtectedSpans.Span(m.start(), m.end(), m.group(), ProtectedSpans.Kind.TERM));
        }
        glossary.forEach((source, target) -> {
            Matcher m = pattern(source).matcher(sentence);
            while (m.find()) out.add(new ProtectedSpans.Span(m.start(), m.end(), target, ProtectedSpans.Kind.TERM));
        });
        return ProtectedSpans.merge(List.of(), out);   // of two overlapping occurrences, the first
    }

    private static Pattern pattern(String term) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}

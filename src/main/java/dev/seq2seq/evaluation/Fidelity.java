package dev.seq2seq.evaluation;

import dev.seq2seq.spans.ProtectedSpans;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a translation keeps the facts of its source: the spans it must carry over verbatim
 * (names, numbers, codes, addresses) and no number that is in no input.
 */
public final class Fidelity {
    private Fidelity() {}

    /** How many of the spans occur verbatim in the output (each counted once). */
    public static int spansKept(String output, List<String> spans) {
        String nfcOutput = Normalizer.normalize(output, Normalizer.Form.NFC);
        int kept = 0;
        for (String span : spans) {
            if (nfcOutput.contains(Normalizer.normalize(span, Normalizer.Form.NFC))) {
                kept++;
            }
        }
        return kept;
    }

    /**
     * The numbers of the output that are in no form in the source: its number-bearing spans
     * compared by their digits, so 3,200 for 3.200 or 7:45 for 7.45 is not counted, 120 for 12 is.
     */
    public static List<String> inventedNumbers(String source, String output) {
        Set<String> known = new HashSet<>();
        for (String n : ProtectedSpans.numbers(source)) {
            known.add(digits(n));
            for (String part : n.split("[^\\p{N}]+")) {   // 12/05/2026 also covers 12, 05 and 2026
                known.add(digits(part));
            }
        }
        return ProtectedSpans.numbers(output).stream().filter(n -> !known.contains(digits(n))).toList();
    }

    private static String digits(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(Character::isDigit).forEach(cp -> out.append(Character.getNumericValue(cp)));
        String d = out.toString().replaceFirst("^0+(?=\\d)", "");
        return d.toLowerCase(Locale.ROOT);
    }
}

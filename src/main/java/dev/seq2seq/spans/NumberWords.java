package dev.seq2seq.spans;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers written as words in English, Spanish and German (two to twenty, the tens to sixty, a
 * hundred, a thousand) and the words of a spoken time ("las dos y media", "a quarter past"), which
 * a translation may write in digits: "hasta las dos y media" -> "until 2:30".
 */
public final class NumberWords {
    private static final Map<String, Map<String, Integer>> VALUES = new HashMap<>();
    private static final Map<String, Set<String>> TIME = Map.of(
            "en", Set.of("half", "quarter", "noon", "midnight"),
            "es", Set.of("media", "cuarto", "mediodía", "medianoche"),
            "de", Set.of("halb", "viertel", "mittag", "mitternacht"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");

    static {
        VALUES.put("en", words("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty", 2,
                "thirty 30 forty 40 fifty 50 sixty 60 hundred 100 thousand 1000"));
        VALUES.put("es", words("dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve veinte", 2,
                "treinta 30 cuarenta 40 cincuenta 50 sesenta 60 cien 100 mil 1000"));
        VALUES.put("de", words("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig", 2,
                "dreißig 30 vierzig 40 fünfzig 50 sechzig 60 hundert 100 tausend 1000"));
    }

    private NumberWords() {}

    /** A language's number words with their values, in order ("dos" -> 2); empty for a language without a list. */
    public static Map<String, Integer> of(String language) {
        return VALUES.getOrDefault(language, Map.of());
    }

    /** True when the text writes a number or a time in words of its language ("dos y media", "fifteen"), in any case. */
    public static boolean spellsANumber(String text, String language) {
        Map<String, Integer> values = of(language);
        Set<String> time = TIME.getOrDefault(language, Set.of());
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (values.containsKey(m.group()) || time.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> words(String sequence, int first, String pairs) {
        Map<String, Integer> out = new LinkedHashMap<>();
        String[] w = sequence.split(" ");
        for (int i = 0; i < w.length; i++) {
            out.put(w[i], first + i);
        }
        String[] p = pairs.split(" ");
        for (int i = 0; i + 1 < p.length; i += 2) {
            out.put(p[i], Integer.parseInt(p[i + 1]));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}

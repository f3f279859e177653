package dev.seq2seq.evaluation;

import dev.seq2seq.ngrams.CharacterNgrams;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * sacreBLEU's default {@code 13a} tokenizer (mteval-v13a.pl), ported from
 * {@code sacrebleu/tokenizers/tokenizer_13a.py} and {@code tokenizer_re.py}.
 *
 * <p>Whitespace handling follows Python's {@code str.split()}/{@code str.strip()}, which treat
 * every Unicode whitespace character (for example U+00A0 or U+3000) as a separator, unlike
 * Java's {@code \s}.
 */
public final class Tokenizer13a {

    private static final Pattern[] PATTERNS = {
        // language-dependent part: symbols { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /
        Pattern.compile("([{-~\\[-` -&(-+:-@/])"),
        // period and comma unless preceded by a digit
        Pattern.compile("([^0-9])([.,])"),
        // period and comma unless followed by a digit
        Pattern.compile("([.,])([^0-9])"),
        // dash when preceded by a digit
        Pattern.compile("([0-9])(-)"),
    };
    private static final String[] REPLACEMENTS = {" $1 ", "$1 $2 ", " $1 $2", "$1 $2 "};

    private Tokenizer13a() {
    }

    /**
     * Tokenizes one segment exactly as sacreBLEU's {@code Tokenizer13a.__call__}.
     *
     * @param line a detokenized segment
     * @return the tokens joined by single spaces, without leading or trailing space
     */
    public static String tokenize(String line) {
        line = line.replace("<skipped>", "")
                .replace("-\n", "")
                .replace("\n", " ")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
        line = " " + line + " ";
        for (int i = 0; i < PATTERNS.length; i++) {
            line = PATTERNS[i].matcher(line).replaceAll(REPLACEMENTS[i]);
        }
        return String.join(" ", split(line));
    }

    /** Python's {@code str.split()} with no argument: splits on runs of Unicode whitespace. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (CharacterNgrams.isPythonSpace(cp)) {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** Python's {@code str.rstrip()} with no argument. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!CharacterNgrams.isPythonSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }
}

package dev.seq2seq.spans;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text as its lines, each with its indentation and list marker ({@code - }, {@code 1. },
 * {@code a) }, {@code • }) kept apart from the words to translate, so that N lines in give N lines
 * out with blank lines, markers and indentation where they were.
 */
public final class Lines {
    /** One line: what stays as it is, and what is translated (empty for a blank line). */
    public record Line(String prefix, String content) {
        public boolean blank() {
            return content.isEmpty();
        }
    }

    private static final Pattern BREAK = Pattern.compile("\\r\\n|\\r|\\n|\\u2028|\\u2029");
    private static final Pattern PREFIX = Pattern.compile("^[ \\t\\u00A0\\u3000]*(?:(?:[-*•‣◦–—>]|\\d{1,3}[.)]|[A-Za-z][.)])[ \\t]+)?");

    private Lines() {}

    public static List<Line> split(String text) {
        List<Line> out = new ArrayList<>();
        for (String line : BREAK.split(text, -1)) {
            Matcher m = PREFIX.matcher(line);
            String prefix = m.find() ? m.group() : "";
            String content = line.substring(prefix.length()).strip();
            out.add(content.isEmpty() ? new Line("", "") : new Line(prefix, content));
        }
        return out;
    }

    /**
     * True when a line is written in capitals: at least four capital letters, none in lower case,
     * and its letters nearly all capitals (letters without case, at most a quarter as many). Such a line is translated in lower case and its
     * translation put back into capitals. Letters of scripts without case (Korean) are not capitals:
     * "고양이가 생선을 먹어요" and "SAMSUNG 폰을 새로 샀어요" are not shouted.
     */
    public static boolean shouted(String text) {
        int capitals = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLowerCase(cp)) {
                return false;
            }
            if (Character.isUpperCase(cp)) {
                capitals++;
            }
            if (Character.isLetter(cp)) {
                letters++;
            }
        }
        return capitals >= 4 && 4 * (letters - capitals) <= capitals;
    }

    /** The text with its first letter in capitals ("¿dónde?" -> "¿Dónde?"). */
    public static String capitalizeFirst(String text, String language) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                int end = i + Character.charCount(cp);
                return text.substring(0, i) + text.substring(i, end).toUpperCase(Locale.forLanguageTag(language)) + text.substring(end);
            }
            i += Character.charCount(cp);
        }
        return text;
    }

    public static String lower(String text, String language) {
        return text.toLowerCase(Locale.forLanguageTag(language));
    }

    public static String upper(String text, String language) {
        return text.toUpperCase(Locale.forLanguageTag(language));
    }
}

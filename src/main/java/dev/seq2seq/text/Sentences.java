package dev.seq2seq.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into sentences after final punctuation followed by a space (or after CJK full stops). */
public final class Sentences {
    private static final Pattern END = Pattern.compile("(?<=[.!?…])\\s+(?=\\S)|(?<=[。！？])\\s*(?=\\S)");

    private Sentences() {}

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        String normalized = TextNormalizer.normalize(text);
        Matcher m = END.matcher(normalized);
        int start = 0;
        while (m.find()) {
            add(out, normalized.substring(start, m.start()));
            start = m.end();
        }
        add(out, normalized.substring(start));
        return out;
    }

    private static void add(List<String> out, String sentence) {
        if (!sentence.isBlank()) {
            out.add(sentence.strip());
        }
    }
}

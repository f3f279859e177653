package dev.seq2seq.spans;

import dev.seq2seq.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * The placeholder pieces that stand for protected spans (numbers, codes, URLs...) while a sentence
 * goes through a model. Placeholder {@code k} is the private-use character U+E000+k, one piece of
 * its own in a vocabulary that has it; user text never reaches a model with such a character in
 * it, because {@link ProtectedSpans} protects any private-use character it finds as a span itself.
 */
public final class Placeholders {
    /** How many placeholders a sentence can hold; further spans stay in the text as they are. */
    public static final int COUNT = 16;
    private static final int FIRST = 0xE000;

    private Placeholders() {}

    /** Placeholder {@code k} as text (and as a vocabulary piece). */
    public static String of(int k) {
        if (k < 0 || k >= COUNT) {
            throw new IllegalArgumentException("placeholder index " + k + " outside 0.." + (COUNT - 1));
        }
        return new String(Character.toChars(FIRST + k));
    }

    /** The index of a placeholder character, or -1 for any other code point. */
    public static int index(int codePoint) {
        int k = codePoint - FIRST;
        return k >= 0 && k < COUNT ? k : -1;
    }

    /** Every placeholder piece, in index order. */
    public static List<String> pieces() {
        List<String> out = new ArrayList<>(COUNT);
        for (int k = 0; k < COUNT; k++) {
            out.add(of(k));
        }
        return out;
    }

    /** True when the vocabulary has every placeholder as a piece, so a model on it can carry them. */
    public static boolean supportedBy(Vocabulary vocabulary) {
        return pieces().stream().allMatch(vocabulary::contains);
    }
}

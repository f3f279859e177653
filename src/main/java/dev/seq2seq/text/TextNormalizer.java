package dev.seq2seq.text;

import java.text.Normalizer;

/**
 * The one normalization applied before tokenization: Unicode NFC, control and format characters
 * become spaces, runs of whitespace collapse to one space, and the ends are trimmed. Ordinary text
 * passes through unchanged, which is what makes detokenization lossless.
 */
public final class TextNormalizer {
    private TextNormalizer() {}

    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean blank = Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    || type == Character.CONTROL || type == Character.UNASSIGNED && cp < 0x20
                    || cp == BpeTokenizer.SPACE_MARK || type == Character.SURROGATE;
            if (type == Character.FORMAT && cp != 0x200D) {   // keep the zero-width joiner of emoji sequences
                blank = true;
            }
            if (blank) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}

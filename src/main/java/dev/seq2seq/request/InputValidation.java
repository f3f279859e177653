package dev.seq2seq.request;

/** Checks on user text before it reaches a model; each failure names the field. */
public final class InputValidation {
    private InputValidation() {}

    /**
     * Accepts text of 1 to {@code maxCharacters} characters that has at least one letter or digit
     * and no control characters other than TAB, CR and LF.
     */
    public static void checkText(String field, String text, int maxCharacters) {
        if (text == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        if (text.isBlank()) {
            throw new InvalidInputException(field, field + " is empty");
        }
        if (text.length() > maxCharacters) {
            throw new InvalidInputException(field, field + " has " + text.length() + " characters; the limit is " + maxCharacters);
        }
        boolean wordy = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isISOControl(cp) && cp != '\t' && cp != '\n' && cp != '\r') {
                throw new InvalidInputException(field, String.format("%s contains the control character U+%04X at index %d", field, cp, i));
            }
            if (Character.getType(cp) == Character.SURROGATE) {
                throw new InvalidInputException(field, field + " contains a lone surrogate at index " + i + " (not valid Unicode text)");
            }
            wordy |= Character.isLetterOrDigit(cp);
            i += Character.charCount(cp);
        }
        if (!wordy) {
            throw new InvalidInputException(field, field + " has no letters or digits to work on");
        }
    }

    /** An ISO 639-1 code: two lower-case letters. */
    public static void checkLanguage(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, field + " is required (an ISO 639-1 code such as 'en')");
        }
        if (!code.matches("[a-z]{2}")) {
            throw new InvalidInputException(field, field + " '" + code + "' is not an ISO 639-1 code (two lower-case letters such as 'en')");
        }
    }
}

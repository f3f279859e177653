package dev.seq2seq.request;

/** Input a caller can fix: names the field (as the caller sent it) and says what is wrong with it. */
public class InvalidInputException extends IllegalArgumentException {
    private final String field;

    public InvalidInputException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

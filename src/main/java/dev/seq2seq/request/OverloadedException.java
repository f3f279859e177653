package dev.seq2seq.request;

/** The model's queue is full, or a request waited past its deadline: try again later. */
public class OverloadedException extends RuntimeException {
    private final int retryAfterSeconds;

    public OverloadedException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

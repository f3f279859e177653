package dev.seq2seq.auth;

/** The shared store of the rate-limit buckets cannot be reached: a limited request can be neither counted nor let through. */
public class RateLimitsUnavailableException extends RuntimeException {
    public RateLimitsUnavailableException(Throwable cause) {
        super("the rate limits are kept in a shared store that cannot be reached now; retry in a few seconds", cause);
    }
}

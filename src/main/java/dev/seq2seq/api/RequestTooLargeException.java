package dev.seq2seq.api;

import java.io.IOException;

/** The request body is larger than the configured limit. */
public class RequestTooLargeException extends IOException {
    public RequestTooLargeException(long limit) {
        super("request body is larger than the limit of " + limit + " bytes (seq2seq.limits.max-request-size)");
    }
}

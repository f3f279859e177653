package dev.seq2seq.store;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import java.io.IOException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/** Which failures of Spring Data Redis, Lettuce and Bucket4j mean "Redis cannot be reached now" (rather than a defect). */
final class RedisFailures {
    private RedisFailures() {}

    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
                    || t instanceof RedisConnectionException || t instanceof RedisCommandTimeoutException
                    || t instanceof RedisLoadingException || t instanceof io.github.bucket4j.TimeoutException
                    || t instanceof IOException) {
                return true;
            }
            // Lettuce while it reconnects (commands are rejected, not queued), or a connection closed under a command
            if (t instanceof RedisException && t.getMessage() != null
                    && (t.getMessage().contains("not connected") || t.getMessage().contains("Connection closed")
                        || t.getMessage().contains("Connection is closed"))) {
                return true;
            }
        }
        return false;
    }
}

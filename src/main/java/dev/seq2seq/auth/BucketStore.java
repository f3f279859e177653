package dev.seq2seq.auth;

import io.github.bucket4j.Bucket;

/**
 * Where the rate limiter's token buckets live: this process's memory, or a store that several
 * replicas share (so that a key's limit counts the requests of all of them together).
 */
public interface BucketStore {
    /**
     * The bucket named {@code key}: {@code perMinute} tokens refilled evenly over a minute, full when
     * first used. Its operations may throw when a shared store cannot be reached; {@link #isUnavailable}
     * tells those failures from others.
     */
    Bucket bucket(String key, int perMinute);

    /** Whether {@code e}, thrown by one of this store's buckets, means the store cannot be reached now. */
    default boolean isUnavailable(RuntimeException e) {
        return false;
    }
}

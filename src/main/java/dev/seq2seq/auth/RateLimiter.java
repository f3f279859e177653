package dev.seq2seq.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Requests and characters per minute for each client (an API key's name, or an address), as token
 * buckets (Bucket4j) refilled evenly over the minute. A batch of N texts costs N requests, as in
 * LibreTranslate. The buckets live in a {@link BucketStore}: this process's memory, or a store shared
 * by replicas; when a shared store cannot be reached, {@link #consume} throws
 * {@link RateLimitsUnavailableException}.
 */
public final class RateLimiter {
    /**
     * What a request was allowed: {@code retryAfterSeconds} is when it could pass (0 when it did;
     * -1 when it never can, its cost being over the limit itself); the rest describe the requests
     * bucket for {@code RateLimit-*} headers.
     */
    public record Decision(boolean allowed, String exceeded, long retryAfterSeconds, long limit, long remaining) {}

    private record Buckets(Bucket requests, Bucket characters) {}

    private final BucketStore store;

    /** Buckets in this process's memory. */
    public RateLimiter() {
        this(new InMemoryBucketStore());
    }

    public RateLimiter(BucketStore store) {
        this.store = store;
    }

    /**
     * Takes {@code requests} and {@code characters} from the client's buckets (a limit of 0: none;
     * a client without limits costs the store nothing).
     *
     * @throws RateLimitsUnavailableException when the buckets are in a shared store that cannot be reached
     */
    public Decision consume(String client, int requestsPerMinute, int charactersPerMinute, int requests, long characters) {
        try {
            return decide(client, requestsPerMinute, charactersPerMinute, requests, characters);
        } catch (RuntimeException e) {
            if (store.isUnavailable(e)) {
                throw new RateLimitsUnavailableException(e);
            }
            throw e;
        }
    }

    private Decision decide(String client, int requestsPerMinute, int charactersPerMinute, int requests, long characters) {
        // the limits are in the names: a key whose limits change starts with full buckets of the new size
        Buckets b = new Buckets(bucket(client + "|requests|" + requestsPerMinute, requestsPerMinute),
                bucket(client + "|characters|" + charactersPerMinute, charactersPerMinute));
        if (requestsPerMinute > 0 && requests > requestsPerMinute) {
            return new Decision(false, "requests", -1, requestsPerMinute, remaining(b.requests()));
        }
        if (charactersPerMinute > 0 && characters > charactersPerMinute) {
            return new Decision(false, "characters", -1, requestsPerMinute, remaining(b.requests()));
        }
        ConsumptionProbe r = b.requests() == null ? null : b.requests().tryConsumeAndReturnRemaining(requests);
        if (r != null && !r.isConsumed()) {
            return new Decision(false, "requests", seconds(r.getNanosToWaitForRefill()), requestsPerMinute, r.getRemainingTokens());
        }
        ConsumptionProbe c = b.characters() == null || characters == 0 ? null : b.characters().tryConsumeAndReturnRemaining(characters);
        if (c != null && !c.isConsumed()) {
            if (b.requests() != null) {
                b.requests().addTokens(requests);   // not served: the requests are given back
            }
            return new Decision(false, "characters", seconds(c.getNanosToWaitForRefill()), requestsPerMinute, remaining(b.requests()));
        }
        return new Decision(true, null, 0, requestsPerMinute, r == null ? -1 : r.getRemainingTokens());
    }

    private Bucket bucket(String key, int perMinute) {
        return perMinute <= 0 ? null : store.bucket(key, perMinute);
    }

    private static long remaining(Bucket bucket) {
        return bucket == null ? -1 : bucket.getAvailableTokens();
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}

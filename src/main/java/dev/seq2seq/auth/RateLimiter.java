package dev.seq2seq.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Requests and characters per minute for each client (an API key's name, or an address), as token
 * buckets (Bucket4j) refilled evenly over the minute. A batch of N texts costs N requests, as in
 * LibreTranslate. Buckets of clients idle for ten minutes are dropped (they would be full again).
 */
public final class RateLimiter {
    /**
     * What a request was allowed: {@code retryAfterSeconds} is when it could pass (0 when it did;
     * -1 when it never can, its cost being over the limit itself); the rest describe the requests
     * bucket for {@code RateLimit-*} headers.
     */
    public record Decision(boolean allowed, String exceeded, long retryAfterSeconds, long limit, long remaining) {}

    private record Buckets(Bucket requests, Bucket characters) {}

    private final Cache<String, Buckets> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();

    /** Takes {@code requests} and {@code characters} from the client's buckets (a limit of 0: none). */
    public Decision consume(String client, int requestsPerMinute, int charactersPerMinute, int requests, long characters) {
        Buckets b = buckets.get(client + "|" + requestsPerMinute + "|" + charactersPerMinute,
                k -> new Buckets(bucket(requestsPerMinute), bucket(charactersPerMinute)));
        if (requestsPerMinute > 0 && requests > requestsPerMinute) {
            return new Decision(false, "requests", -1, requestsPerMinute, b.requests().getAvailableTokens());
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

    private static Bucket bucket(int perMinute) {
        return perMinute <= 0 ? null : Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build();
    }

    private static long remaining(Bucket bucket) {
        return bucket == null ? -1 : bucket.getAvailableTokens();
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}

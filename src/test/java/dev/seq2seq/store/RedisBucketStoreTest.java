package dev.seq2seq.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.auth.RateLimiter;
import dev.seq2seq.auth.RateLimitsUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rate limits in a real redis-server, counted over two replicas' limiters (separate connections). */
class RedisBucketStoreTest {
    static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.startOrSkip();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aLimitCountsTheRequestsOfBothReplicasTogether() {
        var first = new RateLimiter(new RedisBucketStore(redis.connectionFactory(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        var second = new RateLimiter(new RedisBucketStore(redis.connectionFactory(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        for (int i = 0; i < 4; i++) {
            var limiter = i % 2 == 0 ? first : second;
            var d = limiter.consume("key shared", 4, 0, 1, 10);
            assertThat(d.allowed()).as("request %d", i + 1).isTrue();
            assertThat(d.remaining()).isEqualTo(3 - i);
        }
        var over = second.consume("key shared", 4, 0, 1, 10);
        assertThat(over.allowed()).isFalse();
        assertThat(over.exceeded()).isEqualTo("requests");
        assertThat(over.retryAfterSeconds()).isBetween(1L, 15L);
        assertThat(first.consume("key shared", 4, 0, 1, 10).allowed()).isFalse();
        assertThat(first.consume("key other", 4, 0, 1, 10).allowed()).isTrue();   // another client, its own bucket
        // a bucket expires once it would be full again: no key is kept for idle clients
        long ttl = Long.parseLong(redis.command("PTTL \"" + RedisBucketStore.KEY_PREFIX + "key shared|requests|4\"").substring(1));
        assertThat(ttl).isBetween(1L, Duration.ofSeconds(75).toMillis());
    }

    @Test
    void charactersAreSharedTooAndRequestsRefusedForThemAreGivenBack() {
        var first = new RateLimiter(new RedisBucketStore(redis.connectionFactory(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        var second = new RateLimiter(new RedisBucketStore(redis.connectionFactory(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        assertThat(first.consume("key chars", 10, 100, 1, 80).allowed()).isTrue();
        var d = second.consume("key chars", 10, 100, 1, 30);
        assertThat(d.allowed()).isFalse();
        assertThat(d.exceeded()).isEqualTo("characters");
        assertThat(d.remaining()).isEqualTo(9);   // the refused request did not count
    }

    @Test
    void redisAwayIsReportedAsUnavailableAndLimitsWorkAgainAfter() {
        var limiter = new RateLimiter(new RedisBucketStore(redis.connectionFactory(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
        assertThat(limiter.consume("key away", 5, 0, 1, 1).allowed()).isTrue();
        assertThat(limiter.consume("no limits", 0, 0, 1, 1).allowed()).isTrue();
        redis.stop();
        try {
            assertThatThrownBy(() -> limiter.consume("key away", 5, 0, 1, 1)).isInstanceOf(RateLimitsUnavailableException.class);
            assertThat(limiter.consume("no limits", 0, 0, 1, 1).allowed()).as("a client without limits needs no Redis").isTrue();
        } finally {
            redis.start();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                assertThat(limiter.consume("key away", 5, 0, 1, 1).allowed()).isTrue();
                break;
            } catch (RateLimitsUnavailableException e) {
                assertThat(System.nanoTime()).as("reconnected within 30 s").isLessThan(deadline);
            }
        }
    }
}

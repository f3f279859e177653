package dev.seq2seq.store;

import dev.seq2seq.auth.BucketStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.RedisApi;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Rate-limit buckets in Redis through Bucket4j's Lettuce proxy manager (compare-and-swap: a GET of
 * the bucket's state, then a Lua script that writes the new state only if it is unchanged), so a
 * key's limit counts the requests of every replica together. It runs its commands on the
 * connection Spring Boot manages ({@code spring.data.redis.*}: the same address, password,
 * timeouts, and reconnection as the conversations), so nothing connects before the first limited
 * request and a replica started while Redis is away connects once it is back. A bucket expires
 * once it would be full again (plus 10 s), so idle clients cost Redis nothing.
 */
public final class RedisBucketStore implements BucketStore {
    public static final String KEY_PREFIX = "seq2seq:limit:";

    private final LettuceBasedProxyManager<byte[]> buckets;

    /** @param meters where the time of each Redis command goes ({@code seq2seq.store.redis}, operations limit.get and limit.eval) */
    public RedisBucketStore(RedisConnectionFactory connections, MeterRegistry meters) {
        this.buckets = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(new Commands<byte[]>(connections,
                        RedisConversationStore.timer(meters, "limit.get"), RedisConversationStore.timer(meters, "limit.eval")))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /**
     * Bucket4j's three commands on Spring's connection. Generic in the key type because Bucket4j passes
     * its keys as an {@code Object[]} (a {@code byte[][]} parameter would fail its cast); they are byte arrays.
     */
    private static final class Commands<K> implements RedisApi<K> {
        private final RedisConnectionFactory connections;
        private final Timer gets;
        private final Timer evals;

        Commands(RedisConnectionFactory connections, Timer gets, Timer evals) {
            this.connections = connections;
            this.gets = gets;
            this.evals = evals;
        }

        /** The command's time from sending to its answer (or failure). */
        private <T> RedisFuture<T> timed(Timer timer, Function<RedisClusterAsyncCommands<byte[], byte[]>, RedisFuture<T>> command) {
            long start = System.nanoTime();
            RedisFuture<T> future = on(connections, command);
            future.whenComplete((result, failure) -> timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
            return future;
        }

        @Override
        public <V> RedisFuture<V> eval(String script, ScriptOutputType type, K[] keys, byte[][] params) {
            byte[][] names = new byte[keys.length][];
            for (int i = 0; i < keys.length; i++) {
                names[i] = (byte[]) keys[i];
            }
            return timed(evals, c -> c.eval(script, type, names, params));
        }

        @Override
        public RedisFuture<byte[]> get(K key) {
            return timed(gets, c -> c.get((byte[]) key));
        }

        @Override
        public RedisFuture<?> delete(K key) {
            return on(connections, c -> c.del((byte[]) key));
        }
    }
    /** A command on the shared native connection (Lettuce's, asynchronous), obtained from Spring's factory. */
    @SuppressWarnings("unchecked")
    private static <T> T on(RedisConnectionFactory connections, Function<RedisClusterAsyncCommands<byte[], byte[]>, T> command) {
        try (RedisConnection connection = connections.getConnection()) {
            return command.apply((RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection());
        }
    }

    @Override
    public Bucket bucket(String key, int perMinute) {
        return buckets.builder().build((KEY_PREFIX + key).getBytes(StandardCharsets.UTF_8), () -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    @Override
    public boolean isUnavailable(RuntimeException e) {
        return RedisFailures.isUnavailable(e);
    }
}

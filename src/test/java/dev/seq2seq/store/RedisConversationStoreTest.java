package dev.seq2seq.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.chat.Conversation;
import dev.seq2seq.chat.ConversationStoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis conversation store against a real redis-server, as two replicas see it: two stores,
 * each over its own connection.
 */
class RedisConversationStoreTest {
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

    @AfterEach
    void emptyRedis() {
        redis.command("FLUSHALL");
    }

    static StringRedisTemplate template() {
        return new StringRedisTemplate(redis.connectionFactory());
    }

    static RedisConversationStore store(Duration idleTimeout) {
        return new RedisConversationStore(template(), idleTimeout, Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC), new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    static Conversation empty(String id, String language) {
        return new Conversation(id, language, List.of());
    }

    @Test
    void aConversationBegunOnOneReplicaIsContinuedOnAnother() {
        var first = store(Duration.ofMinutes(30));
        var second = store(Duration.ofMinutes(30));
        first.update("c", empty("c", "ko"), c -> c.with("안녕", "안녕하세요", 50));
        var continued = second.updateIfPresent("c", c -> c.with("m2", "r2", 50)).orElseThrow();
        assertThat(continued.language()).isEqualTo("ko");
        assertThat(continued.turns()).extracting(Conversation.Turn::number).containsExactly(1, 2);
        assertThat(first.find("c").orElseThrow()).isEqualTo(continued);
        assertThat(second.delete("c")).isTrue();
        assertThat(first.find("c")).isEmpty();
        assertThat(first.delete("c")).isFalse();
        assertThat(first.updateIfPresent("c", c -> c.with("m", "r", 50))).isEmpty();
        assertThat(first.find("c")).isEmpty();   // updateIfPresent did not bring it back
    }

    @Test
    void concurrentAppendsFromTwoReplicasLoseNoTurn() throws Exception {
        var stores = List.of(store(Duration.ofMinutes(30)), store(Duration.ofMinutes(30)));
        int perThread = 40;
        int threadsPerStore = 4;
        ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerStore);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < stores.size(); s++) {
            for (int t = 0; t < threadsPerStore; t++) {
                var store = stores.get(s);
                String who = s + "-" + t;
                done.add(pool.submit((Callable<Void>) () -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        String m = who + "-" + i;
                        store.update("c", empty("c", "en"), c -> c.with(m, "r", 10_000));
                    }
                    return null;
                }));
            }
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        int total = stores.size() * threadsPerStore * perThread;
        var turns = stores.get(0).find("c").orElseThrow().turns();
        assertThat(turns).extracting(Conversation.Turn::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(turns).extracting(Conversation.Turn::message).doesNotHaveDuplicates().hasSize(total);
    }

    @Test
    void keepsTheLatestTurns() {
        var store = store(Duration.ofMinutes(30));
        for (int i = 1; i <= 5; i++) {
            int n = i;
            store.update("c", empty("c", "en"), c -> c.with("m" + n, "r" + n, 3));
        }
        assertThat(store.find("c").orElseThrow().turns()).extracting(Conversation.Turn::number).containsExactly(3, 4, 5);
    }

    @Test
    void expiresAfterTheIdleTimeoutWhichEveryReadAndWriteStartsAgain() throws InterruptedException {
        var store = store(Duration.ofMinutes(30));
        store.update("c", empty("c", "en"), c -> c.with("m", "r", 10));
        long ttl = Long.parseLong(redis.command("PTTL " + RedisConversationStore.KEY_PREFIX + "c").substring(1));
        assertThat(ttl).isBetween(Duration.ofMinutes(29).toMillis(), Duration.ofMinutes(30).toMillis());
        redis.command("PEXPIRE " + RedisConversationStore.KEY_PREFIX + "c 60000");   // as if 29 minutes had passed
        assertThat(store.find("c")).isPresent();   // a read is a use
        ttl = Long.parseLong(redis.command("PTTL " + RedisConversationStore.KEY_PREFIX + "c").substring(1));
        assertThat(ttl).isGreaterThan(Duration.ofMinutes(29).toMillis());

        // and Redis does forget it: with a short timeout, on Redis's own clock (which a test cannot move)
        var quick = store(Duration.ofMillis(200));
        quick.update("q", empty("q", "en"), c -> c.with("m", "r", 10));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (redis.command("EXISTS " + RedisConversationStore.KEY_PREFIX + "q").equals(":1") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(quick.find("q")).isEmpty();
        assertThat(quick.updateIfPresent("q", c -> c.with("m2", "r2", 10))).isEmpty();
    }

    @Test
    void storesVersionedJsonWithLanguageAndLastUse() {
        var store = store(Duration.ofMinutes(30));
        store.update("c", empty("c", "ko"), c -> c.with("m", "r", 10));
        String json = template().opsForValue().get(RedisConversationStore.KEY_PREFIX + "c");
        assertThat(json).contains("\"v\":1", "\"language\":\"ko\"", "\"lastUsed\":\"2026-12-05T10:00:00Z\"",
                "\"turns\":[{\"n\":1,\"message\":\"m\",\"reply\":\"r\"}]");
    }

    @Test
    void keepsFieldsItDoesNotKnowWhenItAppends() {
        var redisTemplate = template();
        redisTemplate.opsForValue().set(RedisConversationStore.KEY_PREFIX + "c", """
                {"v":1,"id":"c","language":"en","lastUsed":"2026-12-05T09:00:00Z","topic":"weather",
                 "turns":[{"n":1,"message":"m1","reply":"r1","sentiment":"calm"}]}""");
        var store = store(Duration.ofMinutes(30));
        assertThat(store.updateIfPresent("c", c -> c.with("m2", "r2", 10)).orElseThrow().turns()).hasSize(2);
        String json = redisTemplate.opsForValue().get(RedisConversationStore.KEY_PREFIX + "c");
        assertThat(json).contains("\"topic\":\"weather\"", "\"sentiment\":\"calm\"", "\"message\":\"m2\"");
    }

    @Test
    void refusesANewerFormatClearlyAndLeavesItUntouched() {
        var redisTemplate = template();
        String newer = "{\"v\":2,\"id\":\"c\",\"language\":\"en\",\"history\":[]}";
        redisTemplate.opsForValue().set(RedisConversationStore.KEY_PREFIX + "c", newer);
        var store = store(Duration.ofMinutes(30));
        assertThatThrownBy(() -> store.find("c")).isInstanceOf(ConversationStoreUnavailableException.class)
                .hasMessageContaining("format 2 by a newer version").hasMessageContaining("reads formats up to 1");
        assertThatThrownBy(() -> store.updateIfPresent("c", c -> c.with("m", "r", 10)))
                .isInstanceOf(ConversationStoreUnavailableException.class);
        assertThat(redisTemplate.opsForValue().get(RedisConversationStore.KEY_PREFIX + "c")).isEqualTo(newer);
    }

    @Test
    void redisAwayIsUnavailableNotAnErrorAndRecoveryNeedsNoRestart() {
        var store = store(Duration.ofMinutes(30));
        store.update("c", empty("c", "en"), c -> c.with("m", "r", 10));
        redis.stop();
        try {
            assertThatThrownBy(() -> store.find("c")).isInstanceOf(ConversationStoreUnavailableException.class)
                    .hasMessageContaining("cannot be reached");
            assertThatThrownBy(() -> store.update("d", empty("d", "en"), c -> c.with("m", "r", 10)))
                    .isInstanceOf(ConversationStoreUnavailableException.class);
        } finally {
            redis.start();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                store.update("d", empty("d", "en"), c -> c.with("m", "r", 10));
                break;
            } catch (ConversationStoreUnavailableException e) {
                assertThat(System.nanoTime()).as("reconnected within 30 s").isLessThan(deadline);
            }
        }
        assertThat(store.find("d")).isPresent();
    }
}

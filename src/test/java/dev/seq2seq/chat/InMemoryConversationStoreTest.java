package dev.seq2seq.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryConversationStoreTest {
    @Test
    void concurrentTurnsAreAllKeptAndNumberedOnce() throws InterruptedException {
        var store = new InMemoryConversationStore(1_000_000, Duration.ofMinutes(5));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            int n = i;
            pool.submit(() -> store.update("c", new Conversation("c", "en", List.of()), c -> c.with("m" + n, "r" + n, 1000)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        var turns = store.find("c").orElseThrow().turns();
        assertThat(turns).hasSize(200);
        assertThat(turns).extracting(Conversation.Turn::number).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 200).boxed().toList());
    }

    @Test
    void keepsTheLatestTurnsAndForgets() {
        var store = new InMemoryConversationStore(1_000_000, Duration.ofMinutes(5));
        for (int i = 1; i <= 5; i++) {
            int n = i;
            store.update("c", new Conversation("c", "ko", List.of()), c -> c.with("m" + n, "r" + n, 3));
        }
        assertThat(store.find("c").orElseThrow().turns()).extracting(Conversation.Turn::number).containsExactly(3, 4, 5);
        assertThat(store.delete("c")).isTrue();
        assertThat(store.delete("c")).isFalse();
        assertThat(store.find("c")).isEmpty();
    }

    @Test
    void forgetsIdleConversations() {
        var clock = new FakeTicker();
        var store = new InMemoryConversationStore(1_000_000, Duration.ofMinutes(30), clock);
        store.update("c", new Conversation("c", "en", List.of()), c -> c.with("m", "r", 10));
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.find("c")).isPresent();   // a read is a use: the idle time starts again
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.find("c")).isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(store.find("c")).isEmpty();
    }

    /** A clock the test moves. */
    static final class FakeTicker implements com.github.benmanes.caffeine.cache.Ticker {
        private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }
    }

    @Test
    void updateIfPresentChangesOnlyAConversationStillHeld() {
        var clock = new FakeTicker();
        var store = new InMemoryConversationStore(1_000_000, Duration.ofMinutes(30), clock);
        store.update("c", new Conversation("c", "en", List.of()), c -> c.with("m1", "r1", 10));
        assertThat(store.updateIfPresent("c", c -> c.with("m2", "r2", 10)).orElseThrow().turns()).hasSize(2);
        clock.advance(Duration.ofMinutes(31));
        assertThat(store.updateIfPresent("c", c -> c.with("m3", "r3", 10))).isEmpty();
        assertThat(store.find("c")).isEmpty();
        assertThat(store.updateIfPresent("never", c -> c.with("m", "r", 10))).isEmpty();
        assertThat(store.find("never")).isEmpty();
    }

    @Test
    void evictsByTheCharactersHeld() {
        var store = new InMemoryConversationStore(10_000, Duration.ofMinutes(5));
        for (int i = 0; i < 50; i++) {
            String id = "c" + i;
            store.update(id, new Conversation(id, "en", List.of()), c -> c.with("x".repeat(500), "y".repeat(500), 10));
        }
        store.cleanUp();
        long kept = java.util.stream.IntStream.range(0, 50).filter(i -> store.find("c" + i).isPresent()).count();
        assertThat(kept).isLessThanOrEqualTo(10).isGreaterThan(0);
    }
}

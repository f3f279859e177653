package dev.seq2seq.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {
    @Test
    void keepsOnlyTheHashAndFindsTheKeyByIt(@TempDir Path dir) throws Exception {
        ApiKeyStore store = new ApiKeyStore(dir.resolve("data/keys.json"));
        String key = store.add("alice", 60, 10_000);
        assertThat(key).startsWith(ApiKeyStore.PREFIX).hasSizeGreaterThan(40);
        assertThat(Files.readString(store.file())).doesNotContain(key).contains(ApiKeyStore.sha256(key));
        assertThat(ApiKeyStore.find(store.list(), key)).get().extracting(ApiKeyStore.Entry::name).isEqualTo("alice");
        assertThat(ApiKeyStore.find(store.list(), key + "x")).isEmpty();
        assertThatThrownBy(() -> store.add("alice", 60, 0)).hasMessageContaining("exists");
        assertThatThrownBy(() -> store.add("no spaces", 60, 0)).hasMessageContaining("key name");
        assertThatThrownBy(() -> store.add("bob", 0, 0)).hasMessageContaining("--requests-per-minute");
        assertThat(store.remove("alice")).isTrue();
        assertThat(store.remove("alice")).isFalse();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void concurrentWritersLoseNothing(@TempDir Path dir) throws Exception {
        ApiKeyStore store = new ApiKeyStore(dir.resolve("keys.json"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            keys.add(pool.submit(() -> new ApiKeyStore(dir.resolve("keys.json")).add("client-" + n, 10, 0)));
        }
        for (Future<String> k : keys) {
            k.get();
        }
        pool.shutdown();
        assertThat(store.list()).hasSize(40);
        store.touch(Map.of("client-3", Instant.parse("2026-12-04T10:00:00Z"), "gone", Instant.now()));
        assertThat(store.list()).filteredOn(e -> e.name().equals("client-3")).singleElement()
                .extracting(ApiKeyStore.Entry::lastUsed).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
    }

    @Test
    void aServiceSeesKeysAddedAndRemovedAfterItStarted(@TempDir Path dir) throws Exception {
        ApiKeyStore store = new ApiKeyStore(dir.resolve("keys.json"));
        MutableClock clock = new MutableClock();
        ApiKeys keys = new ApiKeys(store, Duration.ofSeconds(5), clock, Runnable::run);
        String key = store.add("late", 10, 0);
        clock.now = clock.now.plusSeconds(6);
        assertThat(keys.authenticate(key)).isPresent();
        store.remove("late");
        clock.now = clock.now.plusSeconds(6);
        assertThat(keys.authenticate(key)).isEmpty();
    }

    @Test
    void lastUseIsWrittenBackOffTheRequestThread(@TempDir Path dir) throws Exception {
        ApiKeyStore store = new ApiKeyStore(dir.resolve("keys.json"));
        String key = store.add("busy", 10, 0);
        MutableClock clock = new MutableClock();
        List<Runnable> writes = new ArrayList<>();
        ApiKeys keys = new ApiKeys(store, Duration.ofSeconds(5), clock, writes::add);
        Instant firstUse = clock.now;
        assertThat(keys.authenticate(key)).isPresent();
        clock.now = clock.now.plusSeconds(6);
        assertThat(keys.authenticate(key)).isPresent();   // due: the write is handed over, not done here
        assertThat(writes).hasSize(1);
        assertThat(store.list().get(0).lastUsed()).isNull();
        clock.now = clock.now.plusSeconds(6);
        keys.authenticate(key);
        assertThat(writes).as("one write at a time").hasSize(1);
        writes.get(0).run();
        assertThat(store.list().get(0).lastUsed()).isEqualTo(firstUse);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}

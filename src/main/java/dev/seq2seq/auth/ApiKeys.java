package dev.seq2seq.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The keys a running service accepts: the store's file, read again when it has changed (checked at
 * most every {@code refresh}), so keys added or removed by the {@code keys} command count within
 * that time. Last use is recorded in memory and written back on the same schedule, on a background
 * thread: the write takes the store's file lock and replaces the file (about 2 ms on a local disk,
 * longer while a {@code keys} command holds the lock), which no request should wait for.
 */
public final class ApiKeys {
    private final ApiKeyStore store;
    private final Duration refresh;
    private final Clock clock;
    private final Executor writeBack;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private volatile List<ApiKeyStore.Entry> entries = List.of();
    private volatile FileTime seen;
    private volatile Instant checked = Instant.MIN;

    /** One daemon thread for every instance: a write every {@code refresh} at most. */
    private static final Executor WRITE_BACK = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "api-key-last-use");
        t.setDaemon(true);
        return t;
    });

    public ApiKeys(ApiKeyStore store, Duration refresh, Clock clock) {
        this(store, refresh, clock, WRITE_BACK);
    }

    /** With the executor that writes last use back to the store (tests pass one they run themselves). */
    ApiKeys(ApiKeyStore store, Duration refresh, Clock clock, Executor writeBack) {
        this.store = store;
        this.refresh = refresh;
        this.clock = clock;
        this.writeBack = writeBack;
        reload();
    }

    /** The record of a key the store holds now, its use recorded. */
    public Optional<ApiKeyStore.Entry> authenticate(String key) {
        refreshIfDue();
        Optional<ApiKeyStore.Entry> found = ApiKeyStore.find(entries, key);
        found.ifPresent(e -> used.put(e.name(), clock.instant()));
        return found;
    }

    private void refreshIfDue() {
        Instant now = clock.instant();
        if (Duration.between(checked, now).compareTo(refresh) < 0) {
            return;
        }
        synchronized (this) {
            if (Duration.between(checked, now).compareTo(refresh) < 0) {
                return;
            }
            checked = now;
            flushUse();
            reload();
        }
    }

    /** Hands last use to the write-back thread (one write at a time; a later use than the one written stays for the next). */
    private void flushUse() {
        if (used.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        Map<String, Instant> batch = Map.copyOf(used);
        try {
            writeBack.execute(() -> {
                try {
                    store.touch(batch);
                    batch.forEach(used::remove);
                } catch (IOException | RuntimeException e) {
                    // last use is informative: keep it for the next try (a read-only store never records it)
                } finally {
                    writing.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            writing.set(false);
        }
    }

    private void reload() {
        try {
            FileTime modified = Files.exists(store.file()) ? Files.getLastModifiedTime(store.file()) : null;
            if (modified == null) {
                entries = List.of();
            } else if (!modified.equals(seen)) {
                entries = store.list();
            }
            seen = modified;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API key store " + store.file() + ": " + e.getMessage(), e);
        }
    }
}

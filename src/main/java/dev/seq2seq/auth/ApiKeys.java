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

/**
 * The keys a running service accepts: the store's file, read again when it has changed (checked at
 * most every {@code refresh}), so keys added or removed by the {@code keys} command count within
 * that time. Last use is recorded in memory and written back on the same schedule.
 */
public final class ApiKeys {
    private final ApiKeyStore store;
    private final Duration refresh;
    private final Clock clock;
    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private volatile List<ApiKeyStore.Entry> entries = List.of();
    private volatile FileTime seen;
    private volatile Instant checked = Instant.MIN;

    public ApiKeys(ApiKeyStore store, Duration refresh, Clock clock) {
        this.store = store;
        this.refresh = refresh;
        this.clock = clock;
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

    private void flushUse() {
        if (used.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = Map.copyOf(used);
        try {
            store.touch(batch);
            batch.forEach(used::remove);
        } catch (IOException e) {
            // last use is informative: keep it for the next try rather than fail a request
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

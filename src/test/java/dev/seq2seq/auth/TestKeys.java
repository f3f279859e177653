package dev.seq2seq.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** API keys for tests that start the service with a key store: written before the context reads it. */
public final class TestKeys {
    private TestKeys() {}

    /** A new store at {@code store} (any old one removed) holding one key; returns the key. */
    public static String fresh(String store, String name, int requestsPerMinute) {
        try {
            Files.deleteIfExists(Path.of(store));
            return add(store, name, requestsPerMinute);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One more key in the store; returns it. */
    public static String add(String store, String name, int requestsPerMinute) {
        try {
            return new ApiKeyStore(Path.of(store)).add(name, requestsPerMinute, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

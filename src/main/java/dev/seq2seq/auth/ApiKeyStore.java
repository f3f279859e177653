package dev.seq2seq.auth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys in a JSON file that the {@code keys} command and running services share. Only each
 * key's SHA-256 is stored (a key is 32 random bytes, so a plain hash suffices); the key itself is
 * shown once, when it is made. Every change is a read-modify-write under an exclusive lock on a
 * sibling lock file, written through a temporary file and an atomic move, so concurrent writers
 * lose nothing and readers never see half a file.
 */
public final class ApiKeyStore {
    /** A key's record; {@code charactersPerMinute} 0 means no character limit. */
    public record Entry(String name, String sha256, int requestsPerMinute, int charactersPerMinute,
                        Instant created, Instant lastUsed) {
        Entry withLastUsed(Instant at) {
            return new Entry(name, sha256, requestsPerMinute, charactersPerMinute, created, at);
        }
    }

    public static final String PREFIX = "s2s_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object JVM_LOCK = new Object();

    private final Path file;

    public ApiKeyStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Adds a key and returns it: the only time it is ever shown. */
    public String add(String name, int requestsPerMinute, int charactersPerMinute) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is 1 to 64 letters, digits, '.', '_' or '-', not '" + name + "'");
        }
        if (requestsPerMinute < 1 || charactersPerMinute < 0) {
            throw new IllegalArgumentException("--requests-per-minute must be at least 1 and --characters-per-minute at least 0");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        change(entries -> {
            if (entries.stream().anyMatch(e -> e.name().equals(name))) {
                throw new IllegalArgumentException("a key named '" + name + "' exists; remove it first");
            }
            List<Entry> out = new ArrayList<>(entries);
            out.add(new Entry(name, sha256(key), requestsPerMinute, charactersPerMinute, Instant.now(), null));
            return out;
        });
        return key;
    }

    /** Removes the key of that name; false where there is none. */
    public boolean remove(String name) throws IOException {
        boolean[] found = new boolean[1];
        change(entries -> {
            List<Entry> out = new ArrayList<>(entries);
            found[0] = out.removeIf(e -> e.name().equals(name));
            return out;
        });
        return found[0];
    }

    /** Records when keys were last used (names not in the store any more are ignored). */
    public void touch(Map<String, Instant> lastUsed) throws IOException {
        if (lastUsed.isEmpty()) {
            return;
        }
        change(entries -> entries.stream().map(e -> lastUsed.containsKey(e.name()) ? e.withLastUsed(lastUsed.get(e.name())) : e).toList());
    }

    /** Every key's record, in the order they were added (empty where the file does not exist yet). */
    public List<Entry> list() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), new TypeReference<List<Entry>>() {});
    }

    /** The record whose hash is the given key's. */
    public static Optional<Entry> find(List<Entry> entries, String key) {
        String hash = sha256(key);
        return entries.stream().filter(e -> MessageDigest.isEqual(e.sha256().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII))).findFirst();
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void change(UnaryOperator<List<Entry>> edit) throws IOException {
        synchronized (JVM_LOCK) {   // a file lock excludes other processes, not other threads of this one
            changeLocked(edit);
        }
    }

    private void changeLocked(UnaryOperator<List<Entry>> edit) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path lock = dir.resolve(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            List<Entry> changed = edit.apply(list());
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(changed), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}

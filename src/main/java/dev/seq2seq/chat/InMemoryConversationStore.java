package dev.seq2seq.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Conversations in memory, bounded by the characters they hold (so that clients cannot exhaust the
 * heap; the least recently used go first), each forgotten after {@code idleTimeout} without use.
 */
public final class InMemoryConversationStore implements ConversationStore {
    private final Cache<String, Conversation> cache;

    public InMemoryConversationStore(long maxCharacters, Duration idleTimeout) {
        this(maxCharacters, idleTimeout, Ticker.systemTicker());
    }

    /** With the clock that idle time is measured on (tests move a fake one instead of sleeping). */
    InMemoryConversationStore(long maxCharacters, Duration idleTimeout, Ticker ticker) {
        this.cache = Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).maximumWeight(maxCharacters)
                .weigher((String id, Conversation c) -> 100 + c.turns().stream()
                        .mapToInt(t -> t.message().length() + t.reply().length()).sum())
                .expireAfterAccess(idleTimeout).build();
    }

    /** Runs the evictions that are due now (Caffeine otherwise does them a little later, on its own). */
    void cleanUp() {
        cache.cleanUp();
    }

    @Override
    public Optional<Conversation> find(String id) {
        return Optional.ofNullable(cache.getIfPresent(id));
    }

    @Override
    public Conversation update(String id, Conversation initial, UnaryOperator<Conversation> change) {
        return cache.asMap().compute(id, (key, current) -> change.apply(current == null ? initial : current));
    }

    @Override
    public Optional<Conversation> updateIfPresent(String id, UnaryOperator<Conversation> change) {
        return Optional.ofNullable(cache.asMap().computeIfPresent(id, (key, current) -> change.apply(current)));
    }

    @Override
    public boolean delete(String id) {
        return cache.asMap().remove(id) != null;
    }
}

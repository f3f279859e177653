package dev.seq2seq.chat;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where conversations live between requests. The in-memory store serves one instance; a shared
 * store (Redis, a database) lets several instances serve the same conversations. A shared store that
 * cannot be reached throws {@link ConversationStoreUnavailableException} from every method.
 */
public interface ConversationStore {
    Optional<Conversation> find(String id);

    /**
     * Applies {@code change} to the stored conversation (or to {@code initial} when there is none)
     * atomically with respect to other updates of the same id, stores and returns the result.
     * {@code change} may run more than once (a shared store applies it again when another writer got
     * there first), so it must not have side effects.
     */
    Conversation update(String id, Conversation initial, UnaryOperator<Conversation> change);

    /**
     * Applies {@code change} to the stored conversation atomically with respect to other updates
     * of the same id, stores and returns the result; empty, storing nothing, when there is none
     * (it was deleted or expired).
     */
    Optional<Conversation> updateIfPresent(String id, UnaryOperator<Conversation> change);

    /** Forgets a conversation; false when there was none. */
    boolean delete(String id);
}

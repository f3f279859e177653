package dev.seq2seq.chat;

/**
 * The conversations cannot be read or written now: their shared store cannot be reached, or holds a
 * conversation in a format this version of the service does not read. Another try later (or on
 * another replica) may succeed; nothing was changed.
 */
public class ConversationStoreUnavailableException extends RuntimeException {
    public ConversationStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

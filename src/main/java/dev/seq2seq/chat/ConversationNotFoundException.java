package dev.seq2seq.chat;

/** No conversation with this id: never made, deleted, or forgotten after its idle timeout. */
public class ConversationNotFoundException extends RuntimeException {
    public ConversationNotFoundException(String id) {
        super("conversation '" + id + "' does not exist (never started, deleted, or expired after being idle)");
    }
}

package dev.seq2seq.chat;

/**
 * A user's message and how to sample the reply; null settings take the chat model's defaults.
 *
 * @param conversationId continue this conversation, or null to start one
 * @param language       ISO 639-1 code of the chat model to use, or null to detect it from the message
 * @param samples        replies to sample, of which their consensus is returned (1: a single sample)
 */
public record ChatMessage(String message, String conversationId, String language, Double temperature, Integer topK,
                          Double topP, Integer samples, Long seed) {}

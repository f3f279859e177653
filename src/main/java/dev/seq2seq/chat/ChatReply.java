package dev.seq2seq.chat;

/** The model's reply, with the conversation it belongs to and the number of this turn. */
public record ChatReply(String reply, String conversationId, String language, int turn) {}

/**
 * Shared state for replicas ({@code seq2seq.store=redis}): conversations and rate-limit buckets in
 * Redis, behind the interfaces the chat and auth packages define. Nothing here is used, and nothing
 * connects to Redis, with the default {@code seq2seq.store=memory}.
 */
package dev.seq2seq.store;

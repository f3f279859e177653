package dev.seq2seq.inference;

/**
 * One decoded target: its tokens (without start and end tokens), the sum of their
 * log-probabilities (end token included when it was produced) and the score searches rank by.
 */
public record Hypothesis(int[] tokens, double logProb, double score) {}

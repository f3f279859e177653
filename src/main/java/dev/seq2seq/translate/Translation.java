package dev.seq2seq.translate;

import java.util.List;

/**
 * The translation of one text.
 *
 * @param text         the best translation
 * @param alternatives the next best translations, best first
 * @param score        mean log-probability per target token of the best translation (0 when the text was passed through)
 * @param detected     the detected source language, or null when the source was given
 */
public record Translation(String text, List<String> alternatives, double score, Detection detected) {}

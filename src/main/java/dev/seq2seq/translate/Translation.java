package dev.seq2seq.translate;

import java.util.List;

/**
 * The translation of one text.
 *
 * @param text         the best translation
 * @param alternatives the next best translations, best first
 * @param score        mean log-probability per target token of the best translation (0 when the text was passed through)
 * @param detected     the detected source language, or null when the source was given
 * @param traces       per sentence of the best translation, what the model did ({@link SegmentTrace}); null unless asked for
 */
public record Translation(String text, List<String> alternatives, double score, Detection detected, List<SegmentTrace> traces) {

    public Translation(String text, List<String> alternatives, double score, Detection detected) {
        this(text, alternatives, score, detected, null);
    }
}

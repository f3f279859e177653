package dev.seq2seq.translate;

import java.util.List;

/**
 * What to translate and how.
 *
 * @param texts        the texts, translated together
 * @param source       ISO 639-1 code of the source language, or {@code auto}
 * @param target       ISO 639-1 code of the target language
 * @param format       only {@code text} is supported
 * @param alternatives extra translations wanted per text
 * @param beamSize     beam size, or null for the model's default
 * @param maxLength    most target tokens per sentence, or null for the default
 * @param terms        terms to keep untranslated and a glossary, applied as protected spans
 * @param detail       how much of the model's inside to return with each translation
 * @param quality      {@code fast} or {@code best}: which bundle, where a pair has two; null for the service's default
 */
public record TranslationRequest(List<String> texts, String source, String target, String format, int alternatives,
                                 Integer beamSize, Integer maxLength, Terms terms, SegmentTrace.Detail detail, String quality) {
    public static final String AUTO = "auto";

    public TranslationRequest(List<String> texts, String source, String target, String format, int alternatives,
                              Integer beamSize, Integer maxLength, Terms terms, SegmentTrace.Detail detail) {
        this(texts, source, target, format, alternatives, beamSize, maxLength, terms, detail, null);
    }

    public TranslationRequest(List<String> texts, String source, String target, String format, int alternatives,
                              Integer beamSize, Integer maxLength, Terms terms) {
        this(texts, source, target, format, alternatives, beamSize, maxLength, terms, SegmentTrace.Detail.NONE);
    }

    public TranslationRequest(List<String> texts, String source, String target, String format, int alternatives,
                              Integer beamSize, Integer maxLength) {
        this(texts, source, target, format, alternatives, beamSize, maxLength, Terms.NONE);
    }
}

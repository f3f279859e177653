package dev.seq2seq.translate;

/** A detected language with its confidence in percent (0-100), as LibreTranslate reports it: calibrated for the most likely language (see {@code LanguageIdentifier}). */
public record Detection(String language, double confidence) {}

package dev.seq2seq.models;

import java.util.Map;

/** What a loaded model is and how it was made, as the {@code /models} listing shows it. */
public record ModelCard(String name, String task, String sourceLanguage, String targetLanguage,
                        Map<String, Object> architecture, long parameters, int sourceVocabularySize,
                        int targetVocabularySize, Map<String, Object> data, Map<String, Object> training,
                        Map<String, Object> scores, boolean usesConversationHistory, String quality) {}

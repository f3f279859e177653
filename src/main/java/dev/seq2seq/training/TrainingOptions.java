package dev.seq2seq.training;

import java.nio.file.Path;

/**
 * Everything the {@code train} command takes. Defaults suit a few hundred thousand short
 * sentence pairs on a small CPU.
 */
public record TrainingOptions(
        Path trainFile, Path devFile, int sourceColumn, int targetColumn, Path output,
        String task, String sourceLanguage, String targetLanguage,
        int epochs, int maxPairs, int maxDevPairs, int maxTokens,
        int sourceVocabularySize, int targetVocabularySize, String cell,
        int embeddingSize, int hiddenSize, int decoderSize, int attentionSize, double dropout,
        double learningRate, double learningRateDecay, int batchSize, int patience, long seed,
        int checkpointMinutes, String dataName, String dataLicence, String dataAttribution,
        boolean usesConversationHistory, double stopAtBleu, double resumeLearningRate) {

    public TrainingOptions {
        if (epochs < 1) throw new IllegalArgumentException("--epochs must be at least 1");
        if (batchSize < 1) throw new IllegalArgumentException("--batch-size must be at least 1");
        if (maxTokens < 2) throw new IllegalArgumentException("--max-tokens must be at least 2");
        if (!(learningRate > 0)) throw new IllegalArgumentException("--learning-rate must be positive");
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) throw new IllegalArgumentException("--lr-decay must be in (0, 1]");
        if (patience < 1) throw new IllegalArgumentException("--patience must be at least 1");
        if (resumeLearningRate < 0) throw new IllegalArgumentException("--resume-learning-rate must be positive (or 0: the checkpoint's)");
    }
}

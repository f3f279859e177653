package dev.seq2seq.recipe;

import dev.seq2seq.bundle.BundleConfig;
import java.nio.file.Path;

/**
 * Builds {@link TrainingOptions} by name, from {@link TrainingOptions#builder}: the {@code train}
 * command's defaults for everything not set; {@link #build} checks them as the record's constructor does.
 * Values that go together (the two columns, the two vocabulary sizes, the network's shape, the
 * data's name, licence and attribution) are set together, by one setter each.
 */
public final class TrainingOptionsBuilder {
    private final Path trainFile;
    private final Path devFile;
    private int sourceColumn = 1;
    private int targetColumn = 2;
    private final Path output;
    private String task = BundleConfig.TRANSLATE;
    private final String sourceLanguage;
    private final String targetLanguage;
    private int epochs = 10;
    private int maxPairs = 0;
    private int maxDevPairs = 0;
    private int maxTokens = 40;
    private int sourceVocabularySize = 8000;
    private int targetVocabularySize = 8000;
    private String cell = "lstm";
    private int embeddingSize = 256;
    private int hiddenSize = 256;
    private int decoderSize = 256;
    private int attentionSize = 256;
    private double dropout = 0.2;
    private double learningRate = 0.001;
    private double learningRateDecay = 0.5;
    private int batchSize = 64;
    private int patience = 3;
    private long seed = 1234;
    private int checkpointMinutes = 10;
    private String dataName = "";
    private String dataLicence = "";
    private String dataAttribution = "";
    private boolean usesConversationHistory = false;
    private double stopAtBleu = 0;
    private double resumeLearningRate = 0;
    private TrainingOptions.Selection selectBy = TrainingOptions.Selection.LOSS;
    private TrainingOptions.Sampling sampling = TrainingOptions.Sampling.DEFAULT;
    private InitFrom initFrom = null;
    private String sourceSegmenter = null;

    TrainingOptionsBuilder(Path trainFile, Path devFile, Path output, String sourceLanguage, String targetLanguage) {
        this.trainFile = trainFile;
        this.devFile = devFile;
        this.output = output;
        this.sourceLanguage = sourceLanguage;
        this.targetLanguage = targetLanguage;
    }

    /** The 1-based TSV columns of the source and the target. */
    public TrainingOptionsBuilder columns(int sourceColumn, int targetColumn) {
        this.sourceColumn = sourceColumn;
        this.targetColumn = targetColumn;
        return this;
    }

    /** The network's shape: embedding, encoder units per direction, decoder and attention sizes. */
    public TrainingOptionsBuilder shape(int embeddingSize, int hiddenSize, int decoderSize, int attentionSize) {
        this.embeddingSize = embeddingSize;
        this.hiddenSize = hiddenSize;
        this.decoderSize = decoderSize;
        this.attentionSize = attentionSize;
        return this;
    }

    /** The BPE vocabulary sizes of the source and the target. */
    public TrainingOptionsBuilder vocabularies(int sourceVocabularySize, int targetVocabularySize) {
        this.sourceVocabularySize = sourceVocabularySize;
        this.targetVocabularySize = targetVocabularySize;
        return this;
    }

    /** What the bundle's card says of its training data: name, licence, attribution. */
    public TrainingOptionsBuilder data(String dataName, String dataLicence, String dataAttribution) {
        this.dataName = dataName;
        this.dataLicence = dataLicence;
        this.dataAttribution = dataAttribution;
        return this;
    }

    public TrainingOptionsBuilder task(String task) {
        this.task = task;
        return this;
    }

    public TrainingOptionsBuilder epochs(int epochs) {
        this.epochs = epochs;
        return this;
    }

    public TrainingOptionsBuilder maxPairs(int maxPairs) {
        this.maxPairs = maxPairs;
        return this;
    }

    public TrainingOptionsBuilder maxDevPairs(int maxDevPairs) {
        this.maxDevPairs = maxDevPairs;
        return this;
    }

    public TrainingOptionsBuilder maxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
        return this;
    }

    public TrainingOptionsBuilder cell(String cell) {
        this.cell = cell;
        return this;
    }

    public TrainingOptionsBuilder dropout(double dropout) {
        this.dropout = dropout;
        return this;
    }

    public TrainingOptionsBuilder learningRate(double learningRate) {
        this.learningRate = learningRate;
        return this;
    }

    public TrainingOptionsBuilder learningRateDecay(double learningRateDecay) {
        this.learningRateDecay = learningRateDecay;
        return this;
    }

    public TrainingOptionsBuilder batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    public TrainingOptionsBuilder patience(int patience) {
        this.patience = patience;
        return this;
    }

    public TrainingOptionsBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    public TrainingOptionsBuilder checkpointMinutes(int checkpointMinutes) {
        this.checkpointMinutes = checkpointMinutes;
        return this;
    }

    public TrainingOptionsBuilder usesConversationHistory(boolean usesConversationHistory) {
        this.usesConversationHistory = usesConversationHistory;
        return this;
    }

    public TrainingOptionsBuilder stopAtBleu(double stopAtBleu) {
        this.stopAtBleu = stopAtBleu;
        return this;
    }

    public TrainingOptionsBuilder resumeLearningRate(double resumeLearningRate) {
        this.resumeLearningRate = resumeLearningRate;
        return this;
    }

    public TrainingOptionsBuilder selectBy(TrainingOptions.Selection selectBy) {
        this.selectBy = selectBy;
        return this;
    }

    public TrainingOptionsBuilder sampling(TrainingOptions.Sampling sampling) {
        this.sampling = sampling;
        return this;
    }

    public TrainingOptionsBuilder initFrom(InitFrom initFrom) {
        this.initFrom = initFrom;
        return this;
    }

    public TrainingOptionsBuilder sourceSegmenter(String sourceSegmenter) {
        this.sourceSegmenter = sourceSegmenter;
        return this;
    }

    public TrainingOptions build() {
        return new TrainingOptions(trainFile, devFile, sourceColumn, targetColumn, output, task, sourceLanguage, targetLanguage,
                epochs, maxPairs, maxDevPairs, maxTokens, sourceVocabularySize, targetVocabularySize, cell, embeddingSize,
                hiddenSize, decoderSize, attentionSize, dropout, learningRate, learningRateDecay, batchSize, patience, seed,
                checkpointMinutes, dataName, dataLicence, dataAttribution, usesConversationHistory, stopAtBleu,
                resumeLearningRate, selectBy, sampling, initFrom, sourceSegmenter);
    }
}

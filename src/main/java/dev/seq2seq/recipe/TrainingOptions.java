package dev.seq2seq.recipe;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.search.DecodingOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the {@code train} command takes. Defaults suit a few hundred thousand short
 * sentence pairs on a small CPU. {@code initFrom} (null: none) starts the run from a bundle's
 * network; the shape options must then be that network's (the command fills them in).
 * {@code sourceSegmenter} "nori" (null: none) cuts every source into Korean morphemes before it is
 * tokenized, in training and in the bundle it writes.
 */
public record TrainingOptions(
        Path trainFile, Path devFile, int sourceColumn, int targetColumn, Path output,
        String task, String sourceLanguage, String targetLanguage,
        int epochs, int maxPairs, int maxDevPairs, int maxTokens,
        int sourceVocabularySize, int targetVocabularySize, String cell,
        int embeddingSize, int hiddenSize, int decoderSize, int attentionSize, double dropout,
        double learningRate, double learningRateDecay, int batchSize, int patience, long seed,
        int checkpointMinutes, String dataName, String dataLicence, String dataAttribution,
        boolean usesConversationHistory, double stopAtBleu, double resumeLearningRate, Selection selectBy,
        Sampling sampling, InitFrom initFrom, String sourceSegmenter) {

    public TrainingOptions {
        if (epochs < 1) throw new IllegalArgumentException("--epochs must be at least 1");
        if (batchSize < 1) throw new IllegalArgumentException("--batch-size must be at least 1");
        if (maxTokens < 2) throw new IllegalArgumentException("--max-tokens must be at least 2");
        if (!(learningRate > 0)) throw new IllegalArgumentException("--learning-rate must be positive");
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) throw new IllegalArgumentException("--lr-decay must be in (0, 1]");
        if (patience < 1) throw new IllegalArgumentException("--patience must be at least 1");
        if (selectBy == null) throw new IllegalArgumentException("--select-by must be one of loss, bleu, chrf");
        if (sampling == null) throw new IllegalArgumentException("sampling settings are required (Sampling.DEFAULT)");
        if (!BundleConfig.CHAT.equals(task) && !sampling.equals(Sampling.DEFAULT)) {
            throw new IllegalArgumentException("--temperature, --top-p and --samples set how chat bundles sample; translation bundles decode with beam search");
        }
        if (sourceSegmenter != null && !BundleConfig.TokenizerFiles.NORI.equals(sourceSegmenter)) {
            throw new IllegalArgumentException("--source-segmenter must be nori (or left out), not " + sourceSegmenter);
        }
        if (resumeLearningRate < 0) throw new IllegalArgumentException("--resume-learning-rate must be positive (or 0: the checkpoint's)");
        if (initFrom != null && output != null
                && initFrom.bundle().toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--output " + output + " is the --init-from bundle; write the fine-tuned bundle elsewhere");
        }
    }

    /**
     * The options a resumed run must share with the run that wrote the checkpoint, by flag: the
     * network's shape (the graph is restored from the checkpoint) and what orders the batches (the
     * run continues at the checkpoint's batch of the same plan).
     */
    public Map<String, String> fixedOnResume() {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("--cell", cell);
        fixed.put("--source-vocab", String.valueOf(sourceVocabularySize));
        fixed.put("--target-vocab", String.valueOf(targetVocabularySize));
        fixed.put("--embedding", String.valueOf(embeddingSize));
        fixed.put("--hidden", String.valueOf(hiddenSize));
        fixed.put("--decoder", String.valueOf(decoderSize));
        fixed.put("--attention", String.valueOf(attentionSize));
        fixed.put("--dropout", String.valueOf(dropout));
        fixed.put("--batch-size", String.valueOf(batchSize));
        fixed.put("--max-pairs", String.valueOf(maxPairs));
        fixed.put("--max-tokens", String.valueOf(maxTokens));
        fixed.put("--seed", String.valueOf(seed));
        return fixed;
    }

    /**
     * How a chat bundle samples its replies when served, written into its card: temperature
     * (below 1 sharpens the distribution), top-p (the nucleus mass kept) and the number of samples
     * whose consensus is returned (1: a single sample). Training itself and
     * its dev scores use greedy search, so these change nothing about the weights.
     */
    public record Sampling(double temperature, double topP, int samples) {
        public static final Sampling DEFAULT = new Sampling(0.8, 0.9, 1);

        /** These settings with the given ones (null: keep this one's). */
        public Sampling with(Double temperature, Double topP, Integer samples) {
            return new Sampling(temperature != null ? temperature : this.temperature, topP != null ? topP : this.topP,
                    samples != null ? samples : this.samples);
        }

        public Sampling {
            if (!(temperature > 0)) throw new IllegalArgumentException("--temperature must be positive");
            if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("--top-p must be in (0, 1]");
            if (samples < 1 || samples > DecodingOptions.MAX_SAMPLES) {
                throw new IllegalArgumentException("--samples must be between 1 and " + DecodingOptions.MAX_SAMPLES);
            }
        }
    }

    /**
     * The dev score that picks the kept epoch and drives learning-rate decay and early stopping.
     * Dev loss is smooth and meaningful from the first epoch; chrF or BLEU of greedy output suits
     * small chat corpora, where the loss rises (the model grows confident) while the replies it
     * generates keep getting better.
     */
    public enum Selection {
        LOSS("dev loss"), BLEU("dev BLEU"), CHRF("dev chrF");

        private final String label;

        Selection(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** This score out of an epoch's dev loss, BLEU and chrF (null where the one it needs is null). */
        public Double of(Double loss, double bleu, Double chrf) {
            return switch (this) {
                case LOSS -> loss;
                case BLEU -> loss == null ? null : bleu;   // no loss: no epoch kept yet
                case CHRF -> chrf;
            };
        }

        /** Whether {@code value} beats the kept epoch's {@code best} (null: nothing kept yet). */
        public boolean improves(double value, Double best) {
            if (best == null) return true;
            return this == LOSS ? value < best - 1e-4 : value > best + 1e-4;
        }
    }

    /**
     * Options by name, with the {@code train} command's defaults for everything not set: a
     * translation run of {@code sourceLanguage} to {@code targetLanguage} reading columns 1 and 2.
     */
    public static TrainingOptionsBuilder builder(Path trainFile, Path devFile, Path output, String sourceLanguage,
                                                 String targetLanguage) {
        return new TrainingOptionsBuilder(trainFile, devFile, output, sourceLanguage, targetLanguage);
    }
}

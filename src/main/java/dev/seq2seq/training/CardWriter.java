package dev.seq2seq.training;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.BundleWriter;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.recipe.TrainingOptions;
import dev.seq2seq.spans.WordList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * What the run writes about itself into a bundle: its card ({@code config.json}: decoding
 * settings, data, hyperparameters, training summary and dev scores), the source words that tell
 * names from common words, and the loss/BLEU plot {@value Trainer#PLOT}.
 */
final class CardWriter {
    private final TrainingOptions o;
    private final WordList sourceWords;

    CardWriter(TrainingOptions options, WordList sourceWords) {
        this.o = options;
        this.sourceWords = sourceWords;
    }

    /** Writes the kept epoch as the bundle in {@code dir}: weights, vocabularies, card and source words. */
    void saveBundle(Path dir, BundleConfig config, ComputationGraph graph, Vocabularies vocabularies) throws IOException {
        BundleWriter.save(dir, config, graph, vocabularies.source(), vocabularies.target());
        writeSourceWords(dir);
    }

    void writeSourceWords(Path bundle) throws IOException {
        if (!sourceWords.isEmpty()) {
            sourceWords.write(bundle.resolve(ModelBundle.SOURCE_PREFIX + ModelBundle.WORDS_SUFFIX));
        }
    }

    /** The rebuild command written into the bundle's card by hand, if any: kept when the card is rewritten. */
    static String command(Path dir) {
        if (!Files.isRegularFile(dir.resolve(ModelBundle.CONFIG))) {
            return null;
        }
        BundleConfig.Training t = BundleReader.readConfig(dir).training();
        return t == null ? null : t.command();
    }

    BundleConfig config(Architecture arch, TrainingState state, double devChrf, long trainPairs, String command) {
        boolean chat = BundleConfig.CHAT.equals(o.task());
        var decoding = chat
                ? new BundleConfig.Decoding("sampling", 1, 0, o.sampling().temperature(), 40, o.sampling().topP(), 3, 1.5, o.sampling().samples(),
                        o.maxTokens(), null)   // replies as long as the longest trained on, whatever the message's length
                : new BundleConfig.Decoding("beam", 5, 0.6, 1, 0, 1, 0, 2.0, null, null, null);
        var data = new BundleConfig.Data(o.dataName(), o.dataLicence(), o.dataAttribution(),
                o.trainFile().getFileName().toString(), o.devFile().getFileName().toString(),
                o.sourceColumn(), o.targetColumn(), trainPairs);
        Map<String, Object> scores = new LinkedHashMap<>();
        if (!state.dev.isEmpty()) {
            TrainingState.DevPoint last = state.dev.get(state.dev.size() - 1);
            scores.put("devLoss", Math.round(last.loss() * 1000) / 1000.0);
            scores.put("devBleuGreedy", round(last.bleu()));
            scores.put("devChrfGreedy", round(devChrf));
        }
        return new BundleConfig(BundleConfig.FORMAT, o.output().getFileName().toString(), o.task(),
                o.sourceLanguage(), o.targetLanguage(), arch, BundleConfig.SpecialTokens.standard(),
                new BundleConfig.TokenizerFiles("bpe", ModelBundle.SOURCE_PREFIX, ModelBundle.TARGET_PREFIX, o.sourceSegmenter()),
                ModelBundle.WEIGHTS, null, o.maxTokens(), o.usesConversationHistory(), decoding, data,
                training(hyperparameters(), state, command), scores);
    }

    private static BundleConfig.Training training(Map<String, Object> hp, TrainingState state, String command) {
        return new BundleConfig.Training(hp, state.dev.size(), state.bestEpoch, round(state.seconds),
                round(state.seconds > 0 ? state.targetTokens / state.seconds : 0), command);
    }

    /** The options that shape the model, for its card. */
    private Map<String, Object> hyperparameters() {
        Map<String, Object> hp = new LinkedHashMap<>();
        hp.put("cell", o.cell());
        hp.put("embeddingSize", o.embeddingSize());
        hp.put("hiddenSize", o.hiddenSize());
        hp.put("decoderSize", o.decoderSize());
        hp.put("attentionSize", o.attentionSize());
        hp.put("dropout", o.dropout());
        hp.put("learningRate", o.learningRate());
        hp.put("learningRateDecay", o.learningRateDecay());
        hp.put("batchSize", o.batchSize());
        hp.put("maxTokens", o.maxTokens());
        hp.put("sourceVocabularySize", o.sourceVocabularySize());
        hp.put("targetVocabularySize", o.targetVocabularySize());
        hp.put("maxPairs", o.maxPairs());
        hp.put("patience", o.patience());
        hp.put("selectBy", o.selectBy().name().toLowerCase(Locale.ROOT));
        hp.put("seed", o.seed());
        hp.put("optimizer", "Adam, no gradient clipping");
        if (o.initFrom() != null) {
            hp.put("initFrom", o.initFrom().describe());
        }
        return hp;
    }

    /** Rewrites the best bundle's training summary (epochs, time, tokens/s) and its loss/BLEU plot. */
    void writeSummary(Path dir, TrainingState state) throws IOException {
        if (!Files.isRegularFile(dir.resolve(ModelBundle.CONFIG))) {
            return;   // no epoch finished yet
        }
        BundleWriter.writeConfig(dir, withTraining(BundleReader.readConfig(dir), state));
        TrainingPlot.write(state, o.output().getFileName() + ": training loss and dev BLEU", dir.resolve(Trainer.PLOT));
    }

    /**
     * The card with the run's epochs, time and tokens/s brought up to date. Its hyperparameters
     * (those that trained these weights, plus marks such as {@link dev.seq2seq.assembly.WeightAveraging#AVERAGED}) and
     * its hand-written command are kept.
     */
    private BundleConfig withTraining(BundleConfig c, TrainingState state) {
        BundleConfig.Training t = c.training();
        Map<String, Object> hp = t == null || t.hyperparameters() == null ? hyperparameters() : t.hyperparameters();
        return c.withTraining(training(hp, state, t == null ? null : t.command()));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

package dev.seq2seq.cli;

import dev.seq2seq.nn.Architecture;
import dev.seq2seq.recipe.InitFrom;
import dev.seq2seq.recipe.TrainingOptions;
import dev.seq2seq.training.Trainer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a model bundle from TAB-separated sentence pairs. Run the same command again to resume.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--train", required = true, description = "training pairs (TSV, UTF-8)") Path train;
    @Option(names = "--dev", required = true, description = "dev pairs for BLEU after each epoch") Path dev;
    @Option(names = "--source-column", required = true, description = "1-based column of the source text") int sourceColumn;
    @Option(names = "--target-column", required = true, description = "1-based column of the target text") int targetColumn;
    @Option(names = "--output", required = true, description = "bundle directory to write") Path output;
    @Option(names = "--task", defaultValue = "translate", description = "translate or chat (default: ${DEFAULT-VALUE})") String task;
    @Option(names = "--source-language", required = true, description = "ISO 639-1 code of the source") String sourceLanguage;
    @Option(names = "--target-language", required = true, description = "ISO 639-1 code of the target") String targetLanguage;
    @Option(names = "--epochs", defaultValue = "10") int epochs;
    @Option(names = "--max-pairs", defaultValue = "0", description = "use only the first K training pairs (0: all)") int maxPairs;
    @Option(names = "--max-dev-pairs", defaultValue = "0", description = "score only the first K dev pairs (0: all)") int maxDevPairs;
    @Option(names = "--max-tokens", defaultValue = "40", description = "drop pairs longer than this many subword tokens") int maxTokens;
    @Option(names = "--source-vocab", defaultValue = "8000") int sourceVocab;
    @Option(names = "--target-vocab", defaultValue = "8000") int targetVocab;
    @Option(names = "--cell", defaultValue = "lstm", description = "lstm or rnn") String cell;
    @Option(names = "--embedding", defaultValue = "256") int embedding;
    @Option(names = "--hidden", defaultValue = "256", description = "encoder units per direction") int hidden;
    @Option(names = "--decoder", defaultValue = "256") int decoder;
    @Option(names = "--attention", defaultValue = "256") int attention;
    @Option(names = "--dropout", defaultValue = "0.2") double dropout;
    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE}; 0.01 left tiny models stuck at the unigram loss)") double learningRate;
    @Option(names = "--resume-learning-rate", defaultValue = "0", description = "when resuming, continue at this learning rate instead of the checkpoint's (0: the checkpoint's)") double resumeLearningRate;
    @Option(names = "--lr-decay", defaultValue = "0.5", description = "learning-rate factor after an epoch without dev improvement") double lrDecay;
    @Option(names = "--batch-size", defaultValue = "64") int batchSize;
    @Option(names = "--patience", defaultValue = "3", description = "stop after this many epochs without dev improvement") int patience;
    @Option(names = "--seed", defaultValue = "1234") long seed;
    @Option(names = "--checkpoint-minutes", defaultValue = "10") int checkpointMinutes;
    @Option(names = "--data-name", defaultValue = "") String dataName;
    @Option(names = "--data-licence", defaultValue = "") String dataLicence;
    @Option(names = "--data-attribution", defaultValue = "") String dataAttribution;
    @Option(names = "--stop-at-bleu", defaultValue = "0", description = "stop once dev BLEU reaches this (0: off)") double stopAtBleu;
    @Option(names = "--select-by", defaultValue = "loss",
            description = "dev score that keeps the best epoch and drives learning-rate decay and early stop: loss, bleu or chrf (default: ${DEFAULT-VALUE})")
    TrainingOptions.Selection selectBy;
    @Option(names = "--temperature", description = "chat: sampling temperature the bundle serves with (default: 0.8)") Double temperature;
    @Option(names = "--top-p", description = "chat: nucleus mass the bundle serves with (default: 0.9)") Double topP;
    @Option(names = "--samples", description = "chat: replies the bundle samples per message, returning their consensus (default: 1)") Integer samples;
    @Option(names = "--conversation-history", description = "chat: the model was trained with previous turns in the source") boolean history;
    @Option(names = "--init-from", paramLabel = "BUNDLE",
            description = "fine-tune: start from this bundle's network and vocabularies (no BPE training; its shape, the run's --dropout). No effect when resuming")
    Path initFrom;
    @Option(names = "--init-member", paramLabel = "N", defaultValue = "1",
            description = "with --init-from: which network of an ensemble bundle, 1-based (default: ${DEFAULT-VALUE}, the bundle's own)")
    int initMember;
    @Option(names = "--init-keep", paramLabel = "SIDE", defaultValue = "both",
            description = "with --init-from: both (fine-tuning), or target or source only: that side's vocabulary and every weight but the "
                    + "other side's embeddings (and output layer), whose vocabulary the run learns from its pairs (transfer to a new language). Default: ${DEFAULT-VALUE}")
    String initKeep;
    @Option(names = "--source-segmenter", paramLabel = "nori",
            description = "cut each source into Korean morphemes (Lucene Nori) before tokenizing, here and in the bundle")
    String sourceSegmenter;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        InitFrom init = initFrom();
        TrainingOptions options = TrainingOptions.builder(train, dev, output, sourceLanguage, targetLanguage)
                .columns(sourceColumn, targetColumn).task(task).epochs(epochs).maxPairs(maxPairs).maxDevPairs(maxDevPairs)
                .maxTokens(maxTokens).vocabularies(sourceVocab, targetVocab).cell(cell).shape(embedding, hidden, decoder, attention)
                .dropout(dropout).learningRate(learningRate).learningRateDecay(lrDecay).batchSize(batchSize).patience(patience)
                .seed(seed).checkpointMinutes(checkpointMinutes).data(dataName, dataLicence, dataAttribution)
                .usesConversationHistory(history).stopAtBleu(stopAtBleu).resumeLearningRate(resumeLearningRate).selectBy(selectBy)
                .sampling(TrainingOptions.Sampling.DEFAULT.with(temperature, topP, samples)).initFrom(init)
                .sourceSegmenter(sourceSegmenter).build();
        new Trainer(options, System.out).run();
        return 0;
    }

    /**
     * With --init-from, the network's shape is the bundle member's: the shape options take its
     * values (also when resuming, so the checkpoint's fixed options match), and given ones that
     * would be ignored or differ are refused (--source-vocab/--target-vocab always: the bundle's
     * vocabularies are used).
     */
    private InitFrom initFrom() throws java.io.IOException {
        ParseResult given = spec.commandLine().getParseResult();
        if (initFrom == null) {
            if (given.hasMatchedOption("--init-member")) {
                throw new IllegalArgumentException("--init-member needs --init-from (it picks the network of that bundle to start from)");
            }
            if (given.hasMatchedOption("--init-keep")) {
                throw new IllegalArgumentException("--init-keep needs --init-from (it says which sides of that bundle the run keeps)");
            }
            return null;
        }
        InitFrom init = new InitFrom(initFrom, initMember, keep());
        Map<String, String> resumed = Trainer.checkpointOptions(output);
        if (!resumed.isEmpty()) {   // the run resumes its own network: the checkpoint's shape, whatever the bundle is now
            // (options typed now stay as typed, so that resuming still refuses ones that differ)
            cell = given.hasMatchedOption("--cell") ? cell : resumed.getOrDefault("--cell", cell);
            sourceVocab = fromCheckpoint(given, resumed, "--source-vocab", sourceVocab);
            targetVocab = fromCheckpoint(given, resumed, "--target-vocab", targetVocab);
            embedding = fromCheckpoint(given, resumed, "--embedding", embedding);
            hidden = fromCheckpoint(given, resumed, "--hidden", hidden);
            decoder = fromCheckpoint(given, resumed, "--decoder", decoder);
            attention = fromCheckpoint(given, resumed, "--attention", attention);
            return init;
        }
        Architecture member = init.resolve(task).architecture();
        for (String vocab : List.of("--source-vocab", "--target-vocab")) {
            if (given.hasMatchedOption(vocab) && !vocab.equals(init.newVocabularyFlag())) {
                throw new IllegalArgumentException(vocab + " cannot be used with --init-from: the run keeps the vocabularies of "
                        + init.describe() + " (source " + member.sourceVocabularySize() + ", target " + member.targetVocabularySize() + " pieces)");
            }
        }
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> run = Map.of("--cell", cell, "--embedding", String.valueOf(embedding),
                "--hidden", String.valueOf(hidden), "--decoder", String.valueOf(decoder), "--attention", String.valueOf(attention));
        for (String flag : List.of("--cell", "--embedding", "--hidden", "--decoder", "--attention")) {
            if (given.hasMatchedOption(flag)) {
                typed.put(flag, run.get(flag));
            }
        }
        init.requireShape(typed, member);
        cell = member.cell();
        if (init.keep().keepsSource()) {
            sourceVocab = member.sourceVocabularySize();
        }
        if (init.keep().keepsTarget()) {
            targetVocab = member.targetVocabularySize();
        }
        embedding = member.embeddingSize();
        hidden = member.hiddenSize();
        decoder = member.decoderSize();
        attention = member.attentionSize();
        return init;
    }

    private static int fromCheckpoint(ParseResult given, Map<String, String> checkpoint, String flag, int value) {
        return given.hasMatchedOption(flag) || !checkpoint.containsKey(flag) ? value : Integer.parseInt(checkpoint.get(flag));
    }

    private InitFrom.Keep keep() {
        return switch (initKeep.toLowerCase(java.util.Locale.ROOT)) {
            case "both" -> InitFrom.Keep.BOTH;
            case "source" -> InitFrom.Keep.SOURCE;
            case "target" -> InitFrom.Keep.TARGET;
            default -> throw new IllegalArgumentException("--init-keep " + initKeep + ": give both, source or target");
        };
    }
}

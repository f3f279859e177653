package dev.seq2seq.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.assembly.WeightAveraging;
import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.BundleWriter;
import dev.seq2seq.corpus.ParallelCorpus;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.recipe.TrainingOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An interrupted run continues from its checkpoint instead of starting again. */
class TrainerResumeTest {
    static TrainingOptions tiny(Path train, Path dev, Path out, int epochs) {
        return tiny(train, dev, out, epochs, 0);
    }

    static TrainingOptions tiny(Path train, Path dev, Path out, int epochs, double resumeLearningRate) {
        return tiny(train, dev, out, epochs, resumeLearningRate, TrainingOptions.Selection.LOSS);
    }

    static TrainingOptions tiny(Path train, Path dev, Path out, int epochs, double resumeLearningRate,
                                TrainingOptions.Selection selectBy) {
        return tiny(train, dev, out, "translate", epochs, 20, 8, 64, resumeLearningRate, selectBy, TrainingOptions.Sampling.DEFAULT);
    }

    /** The tiny options with the settings these tests vary. */
    static TrainingOptions tiny(Path train, Path dev, Path out, String task, int epochs, int maxTokens, int hidden,
                                int batchSize, double resumeLearningRate, TrainingOptions.Selection selectBy,
                                TrainingOptions.Sampling sampling) {
        return TrainingOptions.builder(train, dev, out, "en", "de").task(task).epochs(epochs).maxTokens(maxTokens)
                .vocabularies(270, 270).cell("rnn").shape(8, hidden, 8, 8).dropout(0.1).learningRate(0.01)
                .batchSize(batchSize).patience(5).seed(3).data("synthetic", "CC0", "test")
                .resumeLearningRate(resumeLearningRate).selectBy(selectBy).sampling(sampling).build();
    }

    @Test
    void secondRunResumesFromTheCheckpoint(@TempDir Path dir) throws Exception {
        Path train = ReverseDigitsTest.writePairs(dir.resolve("train.tsv"), 300, 1);
        Path dev = ReverseDigitsTest.writePairs(dir.resolve("dev.tsv"), 20, 2);
        Path out = dir.resolve("bundle");
        TrainingState first = new Trainer(tiny(train, dev, out, 1), new PrintStream(new ByteArrayOutputStream())).run();
        assertThat(first.dev).hasSize(1);
        String vocabulary = Files.readString(out.resolve("checkpoint").resolve("source.vocab"));

        // a longer run over the same output continues at epoch 2 with the saved vocabularies,
        // here at a learning rate given on the command line instead of the checkpoint's 0.01
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingState second = new Trainer(tiny(train, dev, out, 2, 0.004), new PrintStream(log, true)).run();
        assertThat(log.toString()).contains("resuming from").doesNotContain("epoch 1/2")
                .contains("learning rate set to 0.0040 (was 0.010 in the checkpoint)")
                .contains("epoch 2 of 2, learning rate 0.0040");
        assertThat(second.dev).extracting(TrainingState.DevPoint::epoch).containsExactly(1, 2);
        assertThat(second.step).isGreaterThan(first.step);
        assertThat(Files.readString(out.resolve("checkpoint").resolve("source.vocab"))).isEqualTo(vocabulary);
        assertThat(out.resolve("config.json")).exists();
        assertThat(out.resolve("training.png")).exists();
    }

    @Test
    void aChatRunWritesTheSamplingSettingsItWasGivenIntoTheCard(@TempDir Path dir) throws Exception {
        Path train = ReverseDigitsTest.writePairs(dir.resolve("train.tsv"), 300, 1);
        Path dev = ReverseDigitsTest.writePairs(dir.resolve("dev.tsv"), 20, 2);
        Path out = dir.resolve("bundle");
        var options = tiny(train, dev, out, BundleConfig.CHAT, 1, 20, 8, 64, 0, TrainingOptions.Selection.CHRF,
                new TrainingOptions.Sampling(0.5, 0.6, 8));
        new Trainer(options, new PrintStream(new ByteArrayOutputStream())).run();
        BundleConfig.Decoding decoding = BundleReader.readConfig(out).decoding();
        assertThat(decoding.strategy()).isEqualTo("sampling");
        assertThat(decoding.temperature()).isEqualTo(0.5);
        assertThat(decoding.topP()).isEqualTo(0.6);
        assertThat(decoding.samplesOrOne()).isEqualTo(8);
        assertThat(new Seq2SeqModel(BundleReader.load(out)).defaultOptions().samples()).isEqualTo(8);
    }

    @Test
    void samplingSettingsAreRefusedForTranslationAndOutOfRange(@TempDir Path dir) {
        Path out = dir.resolve("bundle");
        assertThatThrownBy(() -> tiny(out, out, out, "translate", 1, 20, 8, 64, 0, TrainingOptions.Selection.LOSS,
                new TrainingOptions.Sampling(0.5, 0.6, 1)))
                .hasMessageContaining("chat bundles");
        assertThatThrownBy(() -> new TrainingOptions.Sampling(0, 0.9, 1)).hasMessageContaining("--temperature");
        assertThatThrownBy(() -> new TrainingOptions.Sampling(0.8, 1.5, 1)).hasMessageContaining("--top-p");
        assertThatThrownBy(() -> new TrainingOptions.Sampling(0.8, 0.9, 0)).hasMessageContaining("--samples");
    }

    @Test
    void aResumeWithAnotherShapeOrBatchingIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        Path train = ReverseDigitsTest.writePairs(dir.resolve("train.tsv"), 300, 1);
        Path dev = ReverseDigitsTest.writePairs(dir.resolve("dev.tsv"), 20, 2);
        Path out = dir.resolve("bundle");
        new Trainer(tiny(train, dev, out, 1), new PrintStream(new ByteArrayOutputStream())).run();
        String state = Files.readString(out.resolve("checkpoint").resolve("state.json"));
        var wider = tiny(train, dev, out, "translate", 2, 20, 16, 32, 0, TrainingOptions.Selection.LOSS,
                TrainingOptions.Sampling.DEFAULT);
        assertThatThrownBy(() -> new Trainer(wider, new PrintStream(new ByteArrayOutputStream())).run())
                .hasMessageContaining("--hidden 16 (checkpoint: 8)")
                .hasMessageContaining("--batch-size 32 (checkpoint: 64)")
                .hasMessageNotContaining("--embedding");
        assertThat(Files.readString(out.resolve("checkpoint").resolve("state.json"))).isEqualTo(state);
    }

    @Test
    void aResumeLearningRateIsAppliedOnceNotOnEveryRerun(@TempDir Path dir) throws Exception {
        Path train = ReverseDigitsTest.writePairs(dir.resolve("train.tsv"), 300, 1);
        Path dev = ReverseDigitsTest.writePairs(dir.resolve("dev.tsv"), 20, 2);
        Path out = dir.resolve("bundle");
        new Trainer(tiny(train, dev, out, 1), new PrintStream(new ByteArrayOutputStream())).run();
        new Trainer(tiny(train, dev, out, 2, 0.004), new PrintStream(new ByteArrayOutputStream())).run();
        // as if the schedule had halved the rate since: the same command again keeps the checkpoint's
        Path statePath = out.resolve("checkpoint").resolve("state.json");
        Files.writeString(statePath, Files.readString(statePath).replace("\"learningRate\":0.004", "\"learningRate\":0.002"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new Trainer(tiny(train, dev, out, 3, 0.004), new PrintStream(log, true)).run();
        assertThat(log.toString()).contains("--resume-learning-rate 0.0040 was applied before; continuing at the checkpoint's 0.0020")
                .contains("epoch 3 of 3, learning rate 0.0020");
    }

    @Test
    void pairsAllLongerThanMaxTokensAreAClearError(@TempDir Path dir) throws Exception {
        Path train = ReverseDigitsTest.writePairs(dir.resolve("train.tsv"), 300, 1);
        Path dev = ReverseDigitsTest.writePairs(dir.resolve("dev.tsv"), 20, 2);
        var tooShort = tiny(train, dev, dir.resolve("bundle"), "translate", 1, 2, 8, 64, 0, TrainingOptions.Selection.LOSS,
                TrainingOptions.Sampling.DEFAULT);
        assertThatThrownBy(() -> new Trainer(tooShort, new PrintStream(new ByteArrayOutputStream())).run())
                .hasMessageContaining("no training pair has at most --max-tokens 2");
    }

    @Test
    void rerunningAFinishedRunRewritesTheCardSummaryAndPlot(@TempDir Path dir) throws Exception {
        Path train = ReverseDigitsTest.writePairs(dir.resolve("train.tsv"), 300, 1);
        Path dev = ReverseDigitsTest.writePairs(dir.resolve("dev.tsv"), 20, 2);
        Path out = dir.resolve("bundle");
        new Trainer(tiny(train, dev, out, 1), new PrintStream(new ByteArrayOutputStream())).run();
        // as if the run had been stopped by hand before its summary was written
        Files.delete(out.resolve(Trainer.PLOT));
        BundleConfig config = BundleReader.readConfig(out);
        BundleWriter.writeConfig(out, config.withTraining(null));

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new Trainer(tiny(train, dev, out, 1), new PrintStream(log, true)).run();
        assertThat(log.toString()).contains("already finished");
        assertThat(out.resolve(Trainer.PLOT)).exists();
        assertThat(BundleReader.readConfig(out).training().epochs()).isEqualTo(1);
    }

    @Test
    void theLastEpochsAreKeptAsBundlesForAveraging(@TempDir Path dir) throws Exception {
        Path train = ReverseDigitsTest.writePairs(dir.resolve("train.tsv"), 200, 1);
        Path dev = ReverseDigitsTest.writePairs(dir.resolve("dev.tsv"), 10, 2);
        Path out = dir.resolve("bundle");
        int epochs = Trainer.KEPT_EPOCHS + 2;
        TrainingState state = new Trainer(tiny(train, dev, out, epochs), new PrintStream(new ByteArrayOutputStream())).run();
        assertThat(state.dev).hasSize(epochs);
        Path kept = out.resolve(Trainer.CHECKPOINT_DIR).resolve(Trainer.EPOCHS_DIR);
        try (var dirs = Files.list(kept)) {
            assertThat(dirs.map(d -> Integer.parseInt(d.getFileName().toString())).sorted().toList())
                    .containsExactly(3, 4, 5, 6, 7);
        }
        // each is a loadable bundle whose card names its epoch and the best epoch so far, and they average into one
        for (int epoch = 3; epoch <= epochs; epoch++) {
            var card = BundleReader.load(kept.resolve(Integer.toString(epoch))).config().training();
            assertThat(card.epochs()).isEqualTo(epoch);
            assertThat(card.bestEpoch()).isEqualTo(bestEpoch(state, epoch));
        }
        Path averaged = WeightAveraging.average(java.util.List.of(kept.resolve("7"), kept.resolve("5"), kept.resolve("6")),
                dir.resolve("avg"));
        assertThat(BundleReader.load(averaged).config().training().hyperparameters())
                .containsEntry(WeightAveraging.AVERAGED, 3);
        assertThat(BundleReader.load(averaged).config().training().epochs()).isEqualTo(7);   // the latest card, in any order
    }

    @Test
    void selectingByChrfKeepsTheEpochWithTheHighestDevChrf(@TempDir Path dir) throws Exception {
        Path train = ReverseDigitsTest.writePairs(dir.resolve("train.tsv"), 300, 1);
        Path dev = ReverseDigitsTest.writePairs(dir.resolve("dev.tsv"), 20, 2);
        Path out = dir.resolve("bundle");
        var log = new ByteArrayOutputStream();
        TrainingState state = new Trainer(tiny(train, dev, out, 4, 0, TrainingOptions.Selection.CHRF),
                new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8)).run();
        int best = 0;
        double bestChrf = Double.NEGATIVE_INFINITY;
        for (TrainingState.DevPoint p : state.dev) {
            if (p.chrf() > bestChrf + 1e-4) {
                best = p.epoch();
                bestChrf = p.chrf();
            }
        }
        assertThat(state.bestEpoch).isEqualTo(best);
        BundleConfig card = BundleReader.readConfig(out);
        assertThat(card.training().bestEpoch()).isEqualTo(best);
        assertThat(card.training().hyperparameters()).containsEntry("selectBy", "chrf");
        assertThat(((Number) card.scores().get("devChrfGreedy")).doubleValue()).isCloseTo(bestChrf, org.assertj.core.data.Offset.offset(0.006));
        assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("best dev chrF so far: saved");
    }

    @Test
    void selectionDirections() {
        assertThat(TrainingOptions.Selection.LOSS.improves(1.0, 1.5)).isTrue();
        assertThat(TrainingOptions.Selection.LOSS.improves(1.5, 1.0)).isFalse();
        assertThat(TrainingOptions.Selection.CHRF.improves(50.0, 40.0)).isTrue();
        assertThat(TrainingOptions.Selection.BLEU.improves(40.0, 40.0)).isFalse();
        assertThat(TrainingOptions.Selection.CHRF.improves(0.0, null)).isTrue();
    }

    /** The best epoch among the first {@code epochs}: the last to lower the dev loss by more than 1e-4. */
    private static int bestEpoch(TrainingState state, int epochs) {
        int best = 0;
        double bestLoss = Double.MAX_VALUE;
        for (TrainingState.DevPoint p : state.dev.subList(0, epochs)) {
            if (p.loss() < bestLoss - 1e-4) {
                best = p.epoch();
                bestLoss = p.loss();
            }
        }
        return best;
    }

    @Test
    void unreadableColumnsAreReportedWithTheFile(@TempDir Path dir) throws Exception {
        Path train = Files.writeString(dir.resolve("one-column.tsv"), "just one column\n");
        assertThatThrownBy(() -> ParallelCorpus.read(train, 1, 2, 0))
                .hasMessageContaining("one-column.tsv").hasMessageContaining("column 2");
    }
}

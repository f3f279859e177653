package dev.seq2seq.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.seq2seq.assembly.Ensembling;
import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.BundleWriter;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.bundle.ModelBundleException;
import dev.seq2seq.bundle.TinyBundleAccess;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.GraphFiles;
import dev.seq2seq.nn.Seq2SeqGraph;
import dev.seq2seq.recipe.InitFrom;
import dev.seq2seq.recipe.TrainingOptions;
import dev.seq2seq.spans.Placeholders;
import dev.seq2seq.text.BpeTokenizer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** --init-from: a run that starts from a bundle's network and vocabularies (fine-tuning). */
class TrainerInitFromTest {
    private static final Path TINY_PAIRS = Path.of("src/test/resources/tiny-models/es-en.tsv");

    /**
     * Options that fine-tune the network of shape {@code a}; a learning rate of 1e-9 leaves the
     * weights where they started (Adam moves each by at most about the rate per step).
     */
    static TrainingOptions fineTune(Path train, Path dev, Path out, Architecture a, InitFrom init, String task,
                                    double learningRate, double dropout) {
        return TrainingOptions.builder(train, dev, out, "en", "de").task(task).epochs(1).maxTokens(20)
                .vocabularies(a.sourceVocabularySize(), a.targetVocabularySize()).cell(a.cell())
                .shape(a.embeddingSize(), a.hiddenSize(), a.decoderSize(), a.attentionSize()).dropout(dropout)
                .learningRate(learningRate).patience(5).seed(3).data("synthetic", "CC0", "test").initFrom(init).build();
    }

    private static INDArray weights(Path bundle, String file) throws Exception {
        return GraphFiles.read(bundle.resolve(file).toFile(), false).params();
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    @Test
    void aFineTunedRunStartsFromTheBundlesWeightsAndKeepsItsVocabularies(@TempDir Path dir) throws Exception {
        Path train = ReverseDigitsTest.writePairs(dir.resolve("train.tsv"), 300, 1);
        Path dev = ReverseDigitsTest.writePairs(dir.resolve("dev.tsv"), 20, 2);
        Path base = dir.resolve("base");
        TrainingState baseState = new Trainer(TrainerResumeTest.tiny(train, dev, base, 1),
                new PrintStream(new ByteArrayOutputStream())).run();
        Architecture a = BundleReader.readConfig(base).architecture();
        assertThat(a.dropout()).isEqualTo(0.1);

        // pairs of letters, not digits: BPE trained on them would give other vocabularies
        List<String> letters = Files.readAllLines(train).stream()
                .map(line -> line.chars().mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) ('a' + c - '0')) : String.valueOf((char) c))
                        .reduce("", String::concat))
                .toList();
        Path lettersTrain = Files.write(dir.resolve("letters.tsv"), letters);
        Path out = dir.resolve("tuned");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingState tuned = new Trainer(fineTune(lettersTrain, dev, out, a, new InitFrom(base, 1), "translate", 1e-9, 0.0),
                new PrintStream(log, true)).run();
        assertThat(log.toString()).contains("fine-tuning " + base + " (member 1)").doesNotContain("BPE vocabularies");

        for (String file : List.of("source.vocab", "source.merges", "target.vocab", "target.merges")) {
            assertThat(Files.readString(out.resolve(file))).as(file).isEqualTo(Files.readString(base.resolve(file)));
            assertThat(Files.readString(out.resolve(Trainer.CHECKPOINT_DIR).resolve(file))).as(file)
                    .isEqualTo(Files.readString(base.resolve(file)));
        }
        // the bundle's trained weights, not a fresh initialisation (which is far from them)
        INDArray baseWeights = weights(base, ModelBundle.WEIGHTS);
        assertThat(maxDifference(weights(out, ModelBundle.WEIGHTS), baseWeights)).isLessThan(1e-6);
        ComputationGraph fresh = new ComputationGraph(Seq2SeqGraph.configuration(a, 0.01, 3));
        fresh.init();
        assertThat(maxDifference(fresh.params(), baseWeights)).isGreaterThan(1e-2);
        // so its first dev loss is the bundle's
        assertThat(tuned.dev.get(0).loss()).isCloseTo(baseState.dev.get(0).loss(), offset(1e-3));

        BundleConfig card = BundleReader.readConfig(out);
        assertThat(card.architecture()).isEqualTo(new Architecture(a.cell(), a.sourceVocabularySize(), a.targetVocabularySize(),
                a.embeddingSize(), a.hiddenSize(), a.decoderSize(), a.attentionSize(), 0.0));   // the run's dropout
        assertThat(card.training().hyperparameters()).containsEntry("initFrom", base + " (member 1)");
    }

    @Test
    void initMemberPicksANetworkOfAnEnsemble(@TempDir Path dir) throws Exception {
        Path first = TinyBundleAccess.copyCommitted("es-en", dir.resolve("a"));
        BundleConfig c = BundleReader.readConfig(first);
        Architecture small = new Architecture("rnn", c.architecture().sourceVocabularySize(), c.architecture().targetVocabularySize(),
                6, 6, 6, 6, 0.0);
        ComputationGraph graph = new ComputationGraph(Seq2SeqGraph.configuration(small, 0.01, 77));
        graph.init();
        Path second = dir.resolve("b");
        BundleWriter.save(second, new BundleConfig(c.format(), "b", c.task(), c.sourceLanguage(), c.targetLanguage(), small,
                c.specialTokens(), c.tokenizer(), ModelBundle.WEIGHTS, null, c.maxSourceTokens(), false, c.decoding(), c.data(),
                c.training(), c.scores()), graph, BpeTokenizer.load(first, "source"), BpeTokenizer.load(first, "target"));
        Path ensemble = Ensembling.build(List.of(first, second), dir.resolve("ens"));

        Path out = dir.resolve("tuned");
        new Trainer(fineTune(TINY_PAIRS, TINY_PAIRS, out, small, new InitFrom(ensemble, 2), "translate", 1e-9, 0.0),
                new PrintStream(new ByteArrayOutputStream())).run();
        assertThat(BundleReader.readConfig(out).architecture().hiddenSize()).isEqualTo(6);
        // the committed tiny vocabularies predate placeholders: 16 pieces are appended, every trained parameter is copied
        assertThat(BundleReader.readConfig(out).architecture().targetVocabularySize()).isEqualTo(small.targetVocabularySize() + 16);
        ComputationGraph tuned = GraphFiles.read(out.resolve(ModelBundle.WEIGHTS).toFile(), false);
        ComputationGraph member = GraphFiles.read(ensemble.resolve("member-2.zip").toFile(), false);
        for (var e : member.paramTable().entrySet()) {
            INDArray from = e.getValue();
            INDArray into = tuned.paramTable().get(e.getKey());
            org.nd4j.linalg.indexing.INDArrayIndex[] region = new org.nd4j.linalg.indexing.INDArrayIndex[from.rank()];
            for (int d = 0; d < region.length; d++) {
                region[d] = org.nd4j.linalg.indexing.NDArrayIndex.interval(0, from.size(d));
            }
            assertThat(maxDifference(into.get(region), from)).as(e.getKey()).isLessThan(1e-6);
        }
        assertThat(BundleReader.readConfig(out).training().hyperparameters()).containsEntry("initFrom", ensemble + " (member 2)");

        // options that do not describe the chosen network are refused before training
        Architecture other = c.architecture();
        assertThatThrownBy(() -> new Trainer(fineTune(TINY_PAIRS, TINY_PAIRS, dir.resolve("x"), other, new InitFrom(ensemble, 2),
                "translate", 1e-3, 0.0), new PrintStream(new ByteArrayOutputStream())).run())
                .hasMessageContaining("--cell lstm (bundle: rnn)").hasMessageContaining("--hidden 32 (bundle: 6)");
        assertThatThrownBy(() -> new Trainer(fineTune(TINY_PAIRS, TINY_PAIRS, dir.resolve("y"), small, new InitFrom(ensemble, 3),
                "translate", 1e-3, 0.0), new PrintStream(new ByteArrayOutputStream())).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--init-member 3").hasMessageContaining("has 2 networks");
        assertThatThrownBy(() -> new Trainer(fineTune(TINY_PAIRS, TINY_PAIRS, dir.resolve("z"), other, new InitFrom(first, 1),
                "chat", 1e-3, 0.0), new PrintStream(new ByteArrayOutputStream())).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a translate bundle").hasMessageContaining("--task translate");
        assertThatThrownBy(() -> new Trainer(fineTune(TINY_PAIRS, TINY_PAIRS, dir.resolve("w"), other, new InitFrom(dir.resolve("none"), 1),
                "translate", 1e-3, 0.0), new PrintStream(new ByteArrayOutputStream())).run())
                .isInstanceOf(ModelBundleException.class).hasMessageContaining("config.json");
        assertThatThrownBy(() -> fineTune(TINY_PAIRS, TINY_PAIRS, first, other, new InitFrom(first, 1), "translate", 1e-3, 0.0))
                .hasMessageContaining("is the --init-from bundle");
        assertThatThrownBy(() -> new InitFrom(first, 0)).hasMessageContaining("--init-member must be at least 1");
    }

    /**
     * --init-keep target: a new source language over the bundle's decoder (transfer learning). The
     * target vocabulary and every weight but the source embeddings are the bundle's; the source
     * vocabulary is learnt from the run's pairs and its embeddings start fresh.
     */
    @Test
    void keepingTheTargetSideLearnsANewSourceVocabularyOverTheBundlesDecoder(@TempDir Path dir) throws Exception {
        Path base = TinyBundleAccess.copyCommitted("es-en", dir.resolve("base"));
        Architecture a = BundleReader.readConfig(base).architecture();
        Path korean = Files.write(dir.resolve("ko.tsv"), List.of("고양이가 생선을 먹는다\tthe cat eats fish", "집이 크다\tthe house is big",
                "기차는 어디에 있어요?\tWhere is the train?", "안녕하세요\thello"));
        Path out = dir.resolve("ko-en");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Architecture shape = new Architecture(a.cell(), 270, a.targetVocabularySize(), a.embeddingSize(), a.hiddenSize(),
                a.decoderSize(), a.attentionSize(), 0.0);
        new Trainer(fineTune(korean, korean, out, shape, new InitFrom(base, 1, InitFrom.Keep.TARGET), "translate", 1e-9, 0.0),
                new PrintStream(log, true)).run();
        assertThat(log.toString()).contains("transfer from " + base + " (member 1, its target side)");

        // the committed tiny bundle predates placeholders: its pieces come first, the placeholder pieces after them
        assertThat(Files.readString(out.resolve("target.vocab"))).startsWith(Files.readString(base.resolve("target.vocab")));
        assertThat(Files.readString(out.resolve("target.merges"))).isEqualTo(Files.readString(base.resolve("target.merges")));
        assertThat(Files.readString(out.resolve("source.vocab"))).isNotEqualTo(Files.readString(base.resolve("source.vocab")));
        BundleConfig card = BundleReader.readConfig(out);
        assertThat(card.architecture().targetVocabularySize()).isEqualTo(a.targetVocabularySize() + Placeholders.COUNT);
        assertThat(card.architecture().sourceVocabularySize()).isEqualTo(270 + Placeholders.COUNT);
        assertThat(card.training().hyperparameters()).containsEntry("initFrom", base + " (member 1, its target side)");

        var trained = GraphFiles.read(base.resolve(ModelBundle.WEIGHTS).toFile(), false).paramTable();
        var tuned = GraphFiles.read(out.resolve(ModelBundle.WEIGHTS).toFile(), false).paramTable();
        assertThat(tuned.keySet()).isEqualTo(trained.keySet());
        for (String name : tuned.keySet()) {
            if (name.startsWith(Seq2SeqGraph.SRC_EMBED + "_")) {
                assertThat(tuned.get(name).shape()).as(name).isNotEqualTo(trained.get(name).shape());
            } else {
                assertThat(maxDifference(overlap(tuned.get(name), trained.get(name)), trained.get(name))).as(name).isLessThan(1e-6);
            }
        }
    }

    /** --init-keep source: a new target language; the target embeddings and the output layer start fresh. */
    @Test
    void keepingTheSourceSideStartsTheTargetEmbeddingsAndOutputLayerFresh(@TempDir Path dir) throws Exception {
        Path base = TinyBundleAccess.copyCommitted("es-en", dir.resolve("base"));
        Architecture a = BundleReader.readConfig(base).architecture();
        Path korean = Files.write(dir.resolve("es-ko.tsv"), List.of("el gato come pescado\t고양이가 생선을 먹는다",
                "la casa es grande\t집이 크다", "¿Dónde está el tren?\t기차는 어디에 있어요?"));
        Path out = dir.resolve("es-ko");
        Architecture shape = new Architecture(a.cell(), a.sourceVocabularySize(), 270, a.embeddingSize(), a.hiddenSize(),
                a.decoderSize(), a.attentionSize(), 0.0);
        new Trainer(fineTune(korean, korean, out, shape, new InitFrom(base, 1, InitFrom.Keep.SOURCE), "translate", 1e-9, 0.0),
                new PrintStream(new ByteArrayOutputStream())).run();
        assertThat(Files.readString(out.resolve("source.vocab"))).startsWith(Files.readString(base.resolve("source.vocab")));
        assertThat(Files.readString(out.resolve("target.vocab"))).isNotEqualTo(Files.readString(base.resolve("target.vocab")));
        var trained = GraphFiles.read(base.resolve(ModelBundle.WEIGHTS).toFile(), false).paramTable();
        var tuned = GraphFiles.read(out.resolve(ModelBundle.WEIGHTS).toFile(), false).paramTable();
        for (String name : tuned.keySet()) {
            boolean fresh = name.startsWith(Seq2SeqGraph.TGT_EMBED + "_") || name.startsWith(Seq2SeqGraph.OUTPUT + "_");
            if (!fresh) {
                assertThat(maxDifference(overlap(tuned.get(name), trained.get(name)), trained.get(name))).as(name).isLessThan(1e-6);
            }
        }
        assertThat(tuned.get(Seq2SeqGraph.OUTPUT + "_W").shape()).isNotEqualTo(trained.get(Seq2SeqGraph.OUTPUT + "_W").shape());
    }

    /** The part of {@code tuned} a parameter of {@code trained}'s shape covers (a vocabulary extended by placeholders is larger). */
    private static INDArray overlap(INDArray tuned, INDArray trained) {
        var region = new org.nd4j.linalg.indexing.INDArrayIndex[trained.rank()];
        for (int d = 0; d < region.length; d++) {
            region[d] = org.nd4j.linalg.indexing.NDArrayIndex.interval(0, trained.size(d));
        }
        return tuned.get(region);
    }

    @Test
    void aKeptSidesVocabularySizeIsTheBundlesButTheNewSidesIsTheRuns() {
        InitFrom target = new InitFrom(Path.of("b"), 1, InitFrom.Keep.TARGET);
        Architecture member = new Architecture("lstm", 4016, 4016, 128, 128, 128, 128, 0.0);
        target.requireShape(new java.util.LinkedHashMap<>(java.util.Map.of("--source-vocab", "2000", "--embedding", "128")), member);
        assertThatThrownBy(() -> target.requireShape(java.util.Map.of("--target-vocab", "2000"), member))
                .hasMessageContaining("--target-vocab 2000 (bundle: 4016)");
        assertThat(target.newVocabularyFlag()).isEqualTo("--source-vocab");
        assertThat(new InitFrom(Path.of("b"), 1).newVocabularyFlag()).isNull();
        assertThat(new InitFrom(Path.of("b"), 1).describe()).isEqualTo("b (member 1)");
    }
}

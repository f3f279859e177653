package dev.seq2seq.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.BundleWriter;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.bundle.ModelBundleException;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.Seq2SeqGraph;
import dev.seq2seq.search.DecoderStep;
import dev.seq2seq.search.DecodingOptions;
import dev.seq2seq.text.BpeTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles of any shape over the same vocabularies decoding together. */
class EnsemblingTest {
    private static final Path TINY = Path.of("src/test/resources/tiny-models/es-en");

    private static Path copy(Path dir) throws Exception {
        return dev.seq2seq.bundle.TinyBundleAccess.copyCommitted("es-en", dir);
    }

    /** A randomly initialised bundle with the tiny bundle's vocabularies and another size. */
    private static Path otherShape(Path dir, int size) throws Exception {
        BundleConfig c = BundleReader.readConfig(TINY);
        Architecture a = c.architecture();
        Architecture arch = new Architecture(a.cell(), a.sourceVocabularySize(), a.targetVocabularySize(), size, size, size, size, 0.0);
        ComputationGraph graph = new ComputationGraph(Seq2SeqGraph.configuration(arch, 0.01, 5));
        graph.init();
        BundleConfig config = new BundleConfig(c.format(), "other", c.task(), c.sourceLanguage(), c.targetLanguage(), arch,
                c.specialTokens(), c.tokenizer(), ModelBundle.WEIGHTS, null, c.maxSourceTokens(), false, c.decoding(),
                c.data(), c.training(), c.scores());
        BundleWriter.save(dir, config, graph, BpeTokenizer.load(TINY, "source"), BpeTokenizer.load(TINY, "target"));
        return dir;
    }

    private static float[] firstStep(ModelBundle bundle, int[][] sources) {
        DecoderStep step = bundle.start(sources);
        return step.logProbs(step.initialState(), new int[] {step.startToken()});
    }

    @Test
    void theEnsembleDecodesWithTheMeanOfItsMembersDistributions(@TempDir Path tmp) throws Exception {
        Path a = copy(tmp.resolve("a"));
        Path b = otherShape(tmp.resolve("b"), 12);
        Path out = Ensembling.build(List.of(a, b), tmp.resolve("ens"));

        ModelBundle ensemble = BundleReader.load(out);
        ModelBundle first = BundleReader.load(a);
        ModelBundle second = BundleReader.load(b);
        assertThat(ensemble.networks()).hasSize(2);
        assertThat(ensemble.parameterCount()).isEqualTo(first.parameterCount() + second.parameterCount());
        assertThat(ensemble.config().ensemble()).singleElement()
                .satisfies(m -> assertThat(m.architecture().hiddenSize()).isEqualTo(12));
        assertThat(ensemble.config().training().hyperparameters().get(Ensembling.MEMBERS)).isEqualTo(List.of("a", "b"));
        assertThat(ensemble.config().scores()).isEmpty();
        assertThat(Files.readString(out.resolve("target.vocab"))).isEqualTo(Files.readString(a.resolve("target.vocab")));

        int[][] sources = {new Seq2SeqModel(first).sourceIds("el gato come")};
        float[] p = firstStep(first, sources);
        float[] q = firstStep(second, sources);
        float[] mixed = firstStep(ensemble, sources);
        double total = 0;
        for (int v = 0; v < mixed.length; v++) {
            double expected = Math.log((Math.exp(p[v]) + Math.exp(q[v])) / 2);
            assertThat((double) mixed[v]).as("token " + v).isCloseTo(expected, offset(1e-4));
            total += Math.exp(mixed[v]);
        }
        assertThat(total).isCloseTo(1.0, offset(1e-3));
        assertThat(p[0]).isNotCloseTo(q[0], offset(1e-3f));   // the members really differ

        // and it serves like any bundle: beam search over the whole sentence
        var hyps = new Seq2SeqModel(ensemble).generate(List.of("el gato come", "hola"), DecodingOptions.beam(3, 2, 0.6, 12));
        assertThat(hyps).hasSize(2).allSatisfy(h -> assertThat(h).hasSize(2));
    }

    @Test
    void anEnsembleOfOneModelWithItselfDecodesAsTheModel(@TempDir Path tmp) throws Exception {
        Path a = copy(tmp.resolve("a"));
        Path b = copy(tmp.resolve("b"));
        Path out = Ensembling.build(List.of(a, b), tmp.resolve("ens"));
        var options = DecodingOptions.beam(4, 1, 0.6, 15);
        var texts = List.of("el gato come pescado", "la casa es grande", "hola");
        var alone = new Seq2SeqModel(BundleReader.load(a)).generate(texts, options);
        var twice = new Seq2SeqModel(BundleReader.load(out)).generate(texts, options);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(twice.get(i).get(0).tokens()).isEqualTo(alone.get(i).get(0).tokens());
            assertThat(twice.get(i).get(0).logProb()).isCloseTo(alone.get(i).get(0).logProb(), offset(1e-3));
        }
    }

    @Test
    void bundlesOfOtherVocabulariesOrLanguagesOrEnsemblesAreRefused(@TempDir Path tmp) throws Exception {
        Path a = copy(tmp.resolve("a"));
        Path b = copy(tmp.resolve("b"));
        Files.writeString(b.resolve("target.merges"), Files.readString(b.resolve("target.merges")) + "x y\n");
        assertThatThrownBy(() -> Ensembling.build(List.of(a, b), tmp.resolve("e1")))
                .isInstanceOf(ModelBundleException.class).hasMessageContaining("target.merges")
                .hasMessageContaining("share their vocabularies");

        Path c = copy(tmp.resolve("c"));
        Files.writeString(c.resolve("config.json"), Files.readString(c.resolve("config.json"))
                .replace("\"targetLanguage\" : \"en\"", "\"targetLanguage\" : \"de\""));
        assertThatThrownBy(() -> Ensembling.build(List.of(a, c), tmp.resolve("e2")))
                .isInstanceOf(ModelBundleException.class).hasMessageContaining("es->de").hasMessageContaining("es->en");

        Path h = copy(tmp.resolve("h"));
        Files.writeString(h.resolve("config.json"), Files.readString(h.resolve("config.json"))
                .replace("\"usesConversationHistory\" : false", "\"usesConversationHistory\" : true"));
        assertThatThrownBy(() -> Ensembling.build(List.of(a, h), tmp.resolve("e6")))
                .isInstanceOf(ModelBundleException.class).hasMessageContaining("conversation history");

        assertThatThrownBy(() -> Ensembling.build(List.of(a, b), b))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is one of the bundles");
        assertThat(Files.readString(b.resolve("target.merges"))).endsWith("x y\n");   // left as it was

        Path ens = Ensembling.build(List.of(a, copy(tmp.resolve("d"))), tmp.resolve("e3"));
        // a card written for a single network has no ensemble key at all
        assertThat(Files.readString(otherShape(tmp.resolve("single"), 8).resolve("config.json"))).doesNotContain("ensemble");
        assertThatThrownBy(() -> Ensembling.build(List.of(ens, a), tmp.resolve("e4")))
                .isInstanceOf(ModelBundleException.class).hasMessageContaining("ensemble already");
        assertThatThrownBy(() -> WeightAveraging.average(List.of(ens, a), tmp.resolve("e5")))
                .isInstanceOf(ModelBundleException.class).hasMessageContaining("is an ensemble");
    }

    @Test
    void aMemberWithOtherVocabularySizesIsNamedAtLoad(@TempDir Path tmp) throws Exception {
        Path out = Ensembling.build(List.of(copy(tmp.resolve("a")), copy(tmp.resolve("b"))), tmp.resolve("ens"));
        String json = Files.readString(out.resolve("config.json"));
        int member = json.indexOf("\"ensemble\"");
        String broken = json.substring(0, member) + json.substring(member).replaceFirst("\"targetVocabularySize\" : 300", "\"targetVocabularySize\" : 301");
        Files.writeString(out.resolve("config.json"), broken);
        assertThatThrownBy(() -> BundleReader.load(out)).isInstanceOf(ModelBundleException.class)
                .hasMessageContaining("member-2.zip").hasMessageContaining("vocabulary sizes");
        Files.delete(out.resolve("member-2.zip"));
        Files.writeString(out.resolve("config.json"), json);
        assertThatThrownBy(() -> BundleReader.load(out)).isInstanceOf(ModelBundleException.class)
                .hasMessageContaining("member-2.zip").hasMessageContaining("missing");
    }
}

package dev.seq2seq.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.bundle.ModelBundleException;
import dev.seq2seq.nn.GraphFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Averaging the weights of bundles from one run. */
class WeightAveragingTest {

    private static Path copy(Path dir) throws Exception {
        return dev.seq2seq.bundle.TinyBundleAccess.copyCommitted("es-en", dir);
    }

    private static ComputationGraph graph(Path bundle) throws Exception {
        return GraphFiles.read(bundle.resolve(ModelBundle.WEIGHTS).toFile(), false);
    }

    @Test
    void theAveragedBundleHoldsTheMeanOfTheWeights(@TempDir Path tmp) throws Exception {
        Path a = copy(tmp.resolve("a"));
        Path b = copy(tmp.resolve("b"));
        ComputationGraph scaled = graph(b);
        scaled.params().muli(3);
        GraphFiles.write(scaled, b.resolve(ModelBundle.WEIGHTS).toFile(), false);

        Path out = WeightAveraging.average(List.of(a, b), tmp.resolve("avg"));

        INDArray expected = graph(a).params().mul(2);   // (w + 3w) / 2
        INDArray actual = graph(out).params();
        assertThat(actual.length()).isEqualTo(expected.length());
        assertThat(actual.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5);
        assertThat(actual.sub(graph(a).params()).amaxNumber().doubleValue()).isGreaterThan(1e-3);
        ModelBundle averaged = BundleReader.load(out);
        assertThat(averaged.config().training().hyperparameters()).containsEntry(WeightAveraging.AVERAGED, 2);
        assertThat(averaged.config().scores()).isEmpty();
        assertThat(Files.readString(out.resolve("target.vocab"))).isEqualTo(Files.readString(a.resolve("target.vocab")));
    }

    @Test
    void bundlesWithOtherVocabulariesAreRefused(@TempDir Path tmp) throws Exception {
        Path a = copy(tmp.resolve("a"));
        Path b = copy(tmp.resolve("b"));
        Files.writeString(b.resolve("source.merges"), Files.readString(b.resolve("source.merges")) + "x y\n");
        assertThatThrownBy(() -> WeightAveraging.average(List.of(a, b), tmp.resolve("avg")))
                .isInstanceOf(ModelBundleException.class)
                .hasMessageContaining("source.merges").hasMessageContaining("same vocabularies");
        assertThat(tmp.resolve("avg")).doesNotExist();
    }

    @Test
    void oneBundleIsNotEnough(@TempDir Path tmp) throws Exception {
        Path a = copy(tmp.resolve("a"));
        assertThatThrownBy(() -> WeightAveraging.average(List.of(a), tmp.resolve("avg")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two");
    }
}

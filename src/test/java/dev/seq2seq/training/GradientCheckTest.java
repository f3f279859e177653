package dev.seq2seq.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.corpus.Batches;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.Seq2SeqGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The training graph's gradients against central finite differences, on an unpadded batch as
 * {@link Batches} makes them. DL4J reports gradients summed over the batch (the updater divides
 * by the batch size), so the analytic values are divided by it here.
 */
class GradientCheckTest {
    static final int BATCH = 8;

    private static ComputationGraph trainedGraph(MultiDataSet data) {
        Architecture arch = new Architecture("lstm", 20, 20, 16, 32, 32, 32, 0.0);
        ComputationGraph graph = new ComputationGraph(Seq2SeqGraph.configuration(arch, 0.01, 1));
        graph.init();
        for (int i = 0; i < 20; i++) {
            graph.fit(data);   // away from the initial, nearly uniform attention
        }
        graph.setInputs(data.getFeatures());
        graph.setLabels(data.getLabels());
        graph.setLayerMaskArrays(data.getFeaturesMaskArrays(), data.getLabelsMaskArrays());
        graph.computeGradientAndScore();
        return graph;
    }

    private static MultiDataSet unpaddedBatch() {
        Random r = new Random(1);
        List<Batches.EncodedPair> pairs = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            int[] s = {4 + r.nextInt(10), 4 + r.nextInt(10), 4 + r.nextInt(10), 4 + r.nextInt(10), 3};
            pairs.add(new Batches.EncodedPair(s, new int[] {s[2], s[0], s[1]}));
        }
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7};
        return Batches.toDataSet(pairs, all, 2, 3);
    }

    /** Finite difference and analytic gradient (per example) of one parameter entry. */
    private static double[] check(ComputationGraph graph, INDArray param, INDArray gradient, int index) {
        double analytic = gradient.dup(param.ordering()).getDouble(index) / BATCH;
        double original = param.getDouble(index);
        double eps = 1e-2;
        param.putScalar(index, original + eps);
        graph.computeGradientAndScore();
        double up = graph.score();
        param.putScalar(index, original - eps);
        graph.computeGradientAndScore();
        double down = graph.score();
        param.putScalar(index, original);
        graph.computeGradientAndScore();
        return new double[] {(up - down) / (2 * eps), analytic};
    }

    @Test
    void layerGradientsMatchFiniteDifferences() {
        ComputationGraph graph = trainedGraph(unpaddedBatch());
        var gradients = graph.gradient().gradientForVariable();
        for (String layer : new String[] {"output", "hidden", "decoder", "encoder", "tgtEmbed", "srcEmbed"}) {
            for (String key : layer.equals("encoder") ? new String[] {"fW", "bRW", "fb"}
                    : layer.endsWith("Embed") ? new String[] {"W"} : new String[] {"W", "b"}) {
                INDArray param = graph.getLayer(layer).getParam(key);
                INDArray gradient = gradients.get(layer + "_" + key).dup();
                for (int index : new int[] {0, 5, 13, 19}) {
                    double[] g = check(graph, param, gradient, index);
                    assertThat(g[1]).as("%s_%s[%d]: analytic %g, numeric %g", layer, key, index, g[1], g[0])
                            .isCloseTo(g[0], org.assertj.core.data.Offset.offset(2e-4 + 0.05 * Math.abs(g[0])));
                }
            }
        }
    }

    /**
     * The attention vertex's own parameters. DL4J 1.0.0-M2.1's SameDiff vertices return twice the
     * true gradient; {@code CorrectedAttentionVertex} halves it, and this test fails if an nd4j
     * upgrade fixes the defect (the gradients would then come out halved).
     */
    @Test
    void attentionGradientsMatchFiniteDifferences() {
        ComputationGraph graph = trainedGraph(unpaddedBatch());
        var gradients = graph.gradient().gradientForVariable();
        for (String key : new String[] {"Wq", "Wk", "Wv", "Wo"}) {
            INDArray param = graph.getVertex("attention").paramTable(false).get(key);
            INDArray gradient = gradients.get("attention_" + key).dup();
            for (int index : new int[] {5, 17, 40}) {
                double[] g = check(graph, param, gradient, index);
                assertThat(g[1]).as("attention_%s[%d]: analytic %g, numeric %g", key, index, g[1], g[0])
                        .isCloseTo(g[0], org.assertj.core.data.Offset.offset(2e-4 + 0.05 * Math.abs(g[0])));
            }
        }
    }
}

package dev.seq2seq.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.inference.Architecture;
import dev.seq2seq.inference.Seq2SeqGraph;
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
        // layers above the attention vertex; the decoder and encoder below it receive the doubled
        // attention-path gradient described in attentionVertexGradientsAreTwiceTheFiniteDifference
        for (String layer : new String[] {"output", "hidden"}) {
            for (String key : new String[] {"W", "b"}) {
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
     * A canary for a DL4J 1.0.0-M2.1 defect: the SameDiff-based AttentionVertex returns twice the
     * gradient of its own parameters and of its inputs (queries, keys, values). Adam is insensitive
     * to that scale for the attention parameters; the decoder and encoder get their attention-path
     * share doubled. If a DL4J
     * upgrade fixes it, this test fails and the note in Seq2SeqGraph can go.
     */
    @Test
    void attentionVertexGradientsAreTwiceTheFiniteDifference() {
        ComputationGraph graph = trainedGraph(unpaddedBatch());
        var gradients = graph.gradient().gradientForVariable();
        for (String key : new String[] {"Wq", "Wv", "Wo"}) {
            INDArray param = graph.getVertex("attention").paramTable(false).get(key);
            INDArray gradient = gradients.get("attention_" + key).dup();
            for (int index : new int[] {5, 17}) {
                double[] g = check(graph, param, gradient, index);
                if (Math.abs(g[0]) > 5e-4) {
                    assertThat(g[1] / g[0]).as("attention %s[%d]", key, index).isBetween(1.8, 2.2);
                }
            }
        }
    }
}

package dev.seq2seq.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.corpus.Batches;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.Seq2SeqGraph;
import dev.seq2seq.search.DecoderState;
import dev.seq2seq.search.DecoderStep;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The hand-written encoder and decoder step must compute what the DL4J graph computes, and a
 * batch of mixed source lengths must decode each source exactly as it would alone.
 */
class EncoderDecoderTest {
    static final int BOS = 2;
    static final int EOS = 3;

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "rnn"})
    void handWrittenStepMatchesTheDl4jGraph(String cell) {
        Architecture arch = new Architecture(cell, 17, 19, 6, 5, 7, 4, 0.0);
        ComputationGraph graph = new ComputationGraph(Seq2SeqGraph.configuration(arch, 0.01, 42));
        graph.init();
        Random random = new Random(7);
        List<Batches.EncodedPair> pairs = List.of(
                pair(random, 6, 4), pair(random, 6, 6), pair(random, 6, 1));   // one source length, as training batches are
        int[] batch = {0, 1, 2};
        MultiDataSet data = Batches.toDataSet(pairs, batch, BOS, EOS);
        for (int i = 0; i < 3; i++) {
            graph.fit(data);   // move away from the initial weights (forget-gate bias etc.)
        }
        INDArray expected = graph.output(false, data.getFeatures(), data.getFeaturesMaskArrays())[0];   // [B, V, T]

        EncoderDecoder network = new EncoderDecoder(arch, graph);
        assertThat(network.parameterCount()).as("every trained parameter, attention included")
                .isEqualTo(graph.params().length()).isEqualTo(arch.parameterCount());
        int[][] sources = pairs.stream().map(Batches.EncodedPair::source).toArray(int[][]::new);
        DecoderStep step = network.start(sources, BOS, EOS);
        DecoderState state = step.initialState();
        int maxTarget = pairs.stream().mapToInt(Batches.EncodedPair::targetTokens).max().orElseThrow();
        for (int t = 0; t < maxTarget; t++) {
            int[] previous = new int[3];
            for (int r = 0; r < 3; r++) {
                int[] target = pairs.get(r).target();
                previous[r] = t == 0 ? BOS : target[Math.min(t - 1, target.length - 1)];
            }
            float[] logProbs = step.logProbs(state, previous);
            for (int r = 0; r < 3; r++) {
                if (t >= pairs.get(r).targetTokens()) {
                    continue;   // padding in the graph's batch
                }
                for (int v = 0; v < arch.targetVocabularySize(); v++) {
                    assertThat(Math.exp(logProbs[r * arch.targetVocabularySize() + v]))
                            .as("row %d step %d token %d", r, t, v)
                            .isCloseTo(expected.getDouble(r, v, t), within(1e-4));
                }
            }
        }
    }

    @Test
    void mixedLengthBatchEqualsEachSourceAlone() {
        Architecture arch = new Architecture("lstm", 17, 19, 6, 5, 7, 4, 0.0);
        ComputationGraph graph = new ComputationGraph(Seq2SeqGraph.configuration(arch, 0.01, 3));
        graph.init();
        EncoderDecoder network = new EncoderDecoder(arch, graph);
        Random random = new Random(11);
        int[][] sources = {pair(random, 2, 1).source(), pair(random, 9, 1).source(), pair(random, 5, 1).source()};
        int[] tokens = {BOS, BOS, BOS};
        DecoderStep together = network.start(sources, BOS, EOS);
        DecoderState state = together.initialState();
        float[] first = together.logProbs(state, tokens);
        float[] second = together.logProbs(state, new int[] {5, 6, 7});
        for (int s = 0; s < sources.length; s++) {
            DecoderStep alone = network.start(new int[][] {sources[s]}, BOS, EOS);
            DecoderState single = alone.initialState();
            float[] a1 = alone.logProbs(single, new int[] {BOS});
            float[] a2 = alone.logProbs(single, new int[] {5 + s});
            int v = arch.targetVocabularySize();
            for (int k = 0; k < v; k++) {
                assertThat(a1[k]).isCloseTo(first[s * v + k], within(1e-5f));
                assertThat(a2[k]).isCloseTo(second[s * v + k], within(1e-5f));
            }
        }
    }

    private static Batches.EncodedPair pair(Random random, int sourceLength, int targetLength) {
        int[] source = new int[sourceLength + 1];
        for (int i = 0; i < sourceLength; i++) {
            source[i] = 4 + random.nextInt(13);
        }
        source[sourceLength] = EOS;
        int[] target = new int[targetLength];
        for (int i = 0; i < targetLength; i++) {
            target[i] = 4 + random.nextInt(15);
        }
        return new Batches.EncodedPair(source, target);
    }
}

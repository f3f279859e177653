package dev.seq2seq.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.Seq2SeqGraph;
import dev.seq2seq.search.DecoderStep;
import dev.seq2seq.search.DecoderTrace;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** What {@link EncoderDecoder#trace} records: the decoder's own attention and gates, step by step. */
class TraceTest {
    static final int BOS = 2;
    static final int EOS = 3;

    @Test
    void recordsOneRowPerTargetTokenAndEndWithAttentionThatSumsToOneAndGatesInRange() {
        EncoderDecoder network = network("lstm");
        int[] source = {5, 9, 4, 11, EOS};
        int[] target = {6, 8, 12};
        DecoderTrace trace = network.trace(source, target, BOS, EOS);
        assertThat(trace.steps()).isEqualTo(target.length + 1);
        for (float[] row : trace.attention()) {
            assertThat(row).hasSize(source.length);
            double sum = 0;
            for (float w : row) {
                assertThat(w).isBetween(0f, 1f);
                sum += w;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-5));
        }
        for (double[] gate : new double[][] {trace.forget(), trace.input(), trace.output()}) {
            assertThat(gate).hasSize(trace.steps());
            assertThat(java.util.Arrays.stream(gate).boxed().toList()).allSatisfy(v -> assertThat(v).isStrictlyBetween(0.0, 1.0));
        }
        assertThat(trace.cell()).hasSize(trace.steps());
        assertThat(java.util.Arrays.stream(trace.cell()).boxed().toList()).allSatisfy(v -> assertThat(v).isPositive());
    }

    @Test
    void attentionEqualsWhatTheSearchStepComputesForTheSameTokens() {
        EncoderDecoder network = network("lstm");
        int[] source = {7, 7, 10, EOS};
        int[] target = {9, 4};
        DecoderTrace trace = network.trace(source, target, BOS, EOS);
        DecoderStep step = network.start(new int[][] {source}, BOS, EOS);
        State state = (State) step.initialState();
        int previous = BOS;
        for (int t = 0; t <= target.length; t++) {
            step.logProbs(state, new int[] {previous});
            assertThat(state.attention(0)).as("step %d", t).containsExactly(trace.attention()[t]);
            previous = t < target.length ? target[t] : EOS;
        }
    }

    @Test
    void attentionWeightsSumToOneOverTheSourcePositionsOfEachRowInABatch() {
        int[][] sources = {{5, 9, 4, 11, EOS}, {6, EOS}};
        DecoderStep step = network("lstm").start(sources, BOS, EOS);
        State state = (State) step.initialState();
        step.logProbs(state, new int[] {BOS, BOS});
        step.logProbs(state, new int[] {5, 7});
        for (int r = 0; r < 2; r++) {
            float[] weights = state.attention(r);
            assertThat(weights).hasSize(sources[r].length);
            double sum = 0;
            for (float w : weights) {
                assertThat(w).isBetween(0f, 1f);
                sum += w;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void aVanillaRnnDecoderHasAttentionButNoGates() {
        DecoderTrace trace = network("rnn").trace(new int[] {5, 6, EOS}, new int[] {7}, BOS, EOS);
        assertThat(trace.attention()).hasNumberOfRows(2);
        assertThat(trace.forget()).isNull();
        assertThat(trace.cell()).isNull();
    }

    @Test
    void meanGatesAreTheMeansOfTheUnitsGates() {
        float[] pre = {0.5f, -1f, 2f, 0f, -0.5f, 1f, 3f, -2f};   // H = 2: block | forget | output | input
        org.nd4j.linalg.api.ndarray.INDArray w = org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 8);
        org.nd4j.linalg.api.ndarray.INDArray rw = org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 8);
        org.nd4j.linalg.api.ndarray.INDArray b = org.nd4j.linalg.factory.Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8);
        double[] means = new RecurrentCell("lstm", w, rw, b).meanGates(pre, 0);
        RecurrentCell.LstmGates u0 = RecurrentCell.lstmUnit(0.5, 2f, -0.5, 3, 0);
        RecurrentCell.LstmGates u1 = RecurrentCell.lstmUnit(-1, 0, 1, -2, 0);
        assertThat(means[0]).isCloseTo((u0.forget() + u1.forget()) / 2, within(1e-6));
        assertThat(means[1]).isCloseTo((u0.input() + u1.input()) / 2, within(1e-6));
        assertThat(means[2]).isCloseTo((u0.output() + u1.output()) / 2, within(1e-6));
    }

    private static EncoderDecoder network(String cell) {
        Architecture arch = new Architecture(cell, 17, 19, 6, 5, 7, 4, 0.0);
        ComputationGraph graph = new ComputationGraph(Seq2SeqGraph.configuration(arch, 0.01, 42));
        graph.init();
        return new EncoderDecoder(arch, graph);
    }
}

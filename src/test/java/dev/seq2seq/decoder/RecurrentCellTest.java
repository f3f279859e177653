package dev.seq2seq.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** One LSTM step against gate values computed by hand. */
class RecurrentCellTest {
    @Test
    void lstmGatesMatchHandComputedValues() {
        // pre-activations of one unit: block input 0.5, forget 1.0, output -0.5, input 2.0; previous cell 0.8
        RecurrentCell.LstmGates g = RecurrentCell.lstmUnit(0.5, 1.0, -0.5, 2.0, 0.8);
        assertThat(g.forget()).isCloseTo(0.7310586, within(1e-6));       // sigmoid(1)
        assertThat(g.input()).isCloseTo(0.8807971, within(1e-6));        // sigmoid(2)
        assertThat(g.output()).isCloseTo(0.3775407, within(1e-6));       // sigmoid(-0.5)
        assertThat(g.blockInput()).isCloseTo(0.4621172, within(1e-6));   // tanh(0.5)
        assertThat(g.cell()).isCloseTo(0.7310586 * 0.8 + 0.8807971 * 0.4621172, within(1e-6));   // 0.99187
        assertThat(g.hidden()).isCloseTo(0.3775407 * Math.tanh(0.9918839), within(1e-6));       // 0.28639
    }

    @Test
    void batchedStepMatchesTheScalarUnitInItsColumnOrder() {
        // H = 1: columns [block input | forget | output | input]; that this is DL4J's order is checked
        // against the DL4J graph itself in EncoderDecoderTest
        RecurrentCell cell = new RecurrentCell("lstm", Nd4j.zeros(1, 4), Nd4j.zeros(1, 4), Nd4j.zeros(1, 4));
        float[] pre = {0.5f, 1.0f, -0.5f, 2.0f};
        float[] h = {0};
        float[] c = {0.8f};
        cell.activate(pre, 1, h, c);
        RecurrentCell.LstmGates g = RecurrentCell.lstmUnit(0.5, 1.0, -0.5, 2.0, 0.8);
        assertThat((double) c[0]).isCloseTo(g.cell(), within(1e-6));
        assertThat((double) h[0]).isCloseTo(g.hidden(), within(1e-6));
    }

    @Test
    void vanillaCellIsTanhOfThePreActivation() {
        RecurrentCell cell = new RecurrentCell("rnn", Nd4j.zeros(1, 2), Nd4j.zeros(2, 2), Nd4j.zeros(1, 2));
        float[] h = new float[2];
        cell.activate(new float[] {0.3f, -2f}, 1, h, new float[2]);
        assertThat((double) h[0]).isCloseTo(Math.tanh(0.3), within(1e-6));
        assertThat((double) h[1]).isCloseTo(Math.tanh(-2), within(1e-6));
    }

    @Test
    void theFastTanhAndSigmoidStayCloseRelativeToTheValueAndLetNaNThrough() {
        for (float x : new float[] {1e-9f, -3e-8f, 1e-6f, 1e-5f, 0.004f, 0.006f, 0.3f, -2f, 20f, -50f}) {
            double exact = Math.tanh(x);
            assertThat(Math.abs(RecurrentCell.tanh(x) - exact)).as("tanh(%s)", x).isLessThanOrEqualTo(Math.abs(exact) * 4e-6 + 1e-7);
            double logistic = 1 / (1 + Math.exp(-x));
            assertThat(Math.abs(RecurrentCell.sigmoid(x) - logistic)).as("sigmoid(%s)", x).isLessThanOrEqualTo(logistic * 4e-6);
        }
        assertThat(RecurrentCell.tanh(1e-6f)).isNotZero();
        assertThat(RecurrentCell.tanh(Float.NaN)).isNaN();
        assertThat(RecurrentCell.sigmoid(Float.NaN)).isNaN();
        assertThat(RecurrentCell.tanh(Float.POSITIVE_INFINITY)).isEqualTo(1f);
        assertThat(RecurrentCell.sigmoid(Float.NEGATIVE_INFINITY)).isZero();
    }
}

package dev.seq2seq.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MatricesTest {

    @Test
    void logSoftmaxAddsTheBiasAndNormalisesEachRowAsDoublePrecisionWould() {
        Random random = new Random(7);
        int rows = 3;
        int v = 4016;
        float[] logits = new float[rows * v];
        float[] bias = new float[v];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (random.nextGaussian() * 6);
        }
        for (int j = 0; j < v; j++) {
            bias[j] = (float) random.nextGaussian();
        }
        float[] got = logits.clone();
        Matrices.logSoftmax(got, rows, bias);
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < v; j++) {
                max = Math.max(max, logits[r * v + j] + (double) bias[j]);
            }
            double sum = 0;
            for (int j = 0; j < v; j++) {
                sum += Math.exp(logits[r * v + j] + (double) bias[j] - max);
            }
            double logZ = max + Math.log(sum);
            double mass = 0;
            for (int j = 0; j < v; j++) {
                assertThat((double) got[r * v + j]).isCloseTo(logits[r * v + j] + (double) bias[j] - logZ, offset(1e-5));
                mass += Math.exp(got[r * v + j]);
            }
            assertThat(mass).isCloseTo(1.0, offset(1e-4));
        }
    }
}

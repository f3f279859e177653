package dev.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class LogSpaceTest {

    @Test
    void theExponentialMatchesMathExpOverEveryNonPositiveFloatThatDoesNotUnderflow() {
        double worst = 0;
        for (float x = 0f; x >= -87f; x -= 0.00731f) {
            double exact = Math.exp(x);
            worst = Math.max(worst, Math.abs(LogSpace.expNonPositive(x) - exact) / exact);
        }
        assertThat(worst).isLessThan(5e-6);
        assertThat(LogSpace.expNonPositive(0f)).isEqualTo(1f);
        assertThat(LogSpace.expNonPositive(-0f)).isEqualTo(1f);
        assertThat(LogSpace.expNonPositive(-88f)).isZero();
        assertThat(LogSpace.expNonPositive(Float.NEGATIVE_INFINITY)).isZero();
        assertThat(LogSpace.expNonPositive(Float.NaN)).isNaN();   // weights gone NaN must show, not pass for a saturated gate
    }

    @Test
    void theLogarithmMatchesMathLogFromOneUpward() {
        double worst = 0;
        for (float x = 1f; x < 1e6f; x *= 1.0013f) {
            worst = Math.max(worst, Math.abs(LogSpace.logAtLeastOne(x) - Math.log(x)));
        }
        assertThat(worst).isLessThan(3e-6);
        assertThat(LogSpace.logAtLeastOne(1f)).isZero();
        assertThat((double) LogSpace.logAtLeastOne(2f)).isCloseTo(Math.log(2), offset(1e-7));
    }

    @Test
    void anEnsembleAveragesProbabilitiesAsDoublePrecisionWould() {
        float[][] members = {{-0.1f, -2.5f, Float.NEGATIVE_INFINITY, -30f, -1e-7f}, {-3f, -0.2f, Float.NEGATIVE_INFINITY, -95f, -20f}};
        float[] mean = EnsembleStep.meanOfProbabilities(members);
        for (int j = 0; j < mean.length; j++) {
            double exact = Math.log((Math.exp(members[0][j]) + Math.exp(members[1][j])) / 2);
            if (Double.isInfinite(exact)) {
                assertThat(mean[j]).isEqualTo(Float.NEGATIVE_INFINITY);
            } else {
                assertThat((double) mean[j]).as("entry " + j).isCloseTo(exact, offset(2e-6));
            }
        }
    }
}

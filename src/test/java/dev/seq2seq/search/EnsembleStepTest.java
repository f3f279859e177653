package dev.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The mixture of the members' next-token distributions, entry by entry. */
class EnsembleStepTest {
    private static final float NO = Float.NEGATIVE_INFINITY;

    @Test
    void theMixtureIsTheLogOfTheMeanProbability() {
        float[] a = {(float) Math.log(0.7), (float) Math.log(0.2), (float) Math.log(0.1)};
        float[] b = {(float) Math.log(0.1), (float) Math.log(0.3), (float) Math.log(0.6)};
        float[] c = {(float) Math.log(0.4), (float) Math.log(0.4), (float) Math.log(0.2)};
        float[] mixed = EnsembleStep.meanOfProbabilities(new float[][] {a, b, c});
        assertThat((double) mixed[0]).isCloseTo(Math.log(0.4), offset(1e-6));
        assertThat((double) mixed[1]).isCloseTo(Math.log(0.3), offset(1e-6));
        assertThat((double) mixed[2]).isCloseTo(Math.log(0.3), offset(1e-6));
        // identical members: the same distribution
        assertThat(EnsembleStep.meanOfProbabilities(new float[][] {a, a})).usingComparatorWithPrecision(1e-6f).containsExactly(a);
    }

    @Test
    void aTokenNoMemberAllowsStaysImpossibleAndOneMemberSufficesForTheRest() {
        float[] a = {NO, (float) Math.log(0.5), (float) Math.log(0.5)};
        float[] b = {NO, NO, 0f};
        float[] mixed = EnsembleStep.meanOfProbabilities(new float[][] {a, b});
        assertThat(mixed[0]).isEqualTo(NO);
        assertThat((double) mixed[1]).isCloseTo(Math.log(0.25), offset(1e-6));
        assertThat((double) mixed[2]).isCloseTo(Math.log(0.75), offset(1e-6));
        // far-apart values do not overflow or vanish: exp(-200) alone would underflow in float
        float[] far = EnsembleStep.meanOfProbabilities(new float[][] {{-200f}, {-201f}});
        assertThat((double) far[0]).isCloseTo(-200 + Math.log((1 + Math.exp(-1)) / 2), offset(1e-4));
    }

    @Test
    void membersMustAgreeOnSourcesVocabularyAndSpecialTokens() {
        var step = new BeamSearchNBestTest.ScriptedStep();
        assertThatThrownBy(() -> new EnsembleStep(List.of(step)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two");
        DecoderStep otherEnd = new BeamSearchNBestTest.ScriptedStep() {
            @Override public int endToken() { return 2; }
        };
        assertThatThrownBy(() -> new EnsembleStep(List.of(step, otherEnd)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("special tokens");
        // two copies of a step decode exactly as the step
        var options = DecodingOptions.beam(3, 2, 0.0, 10);
        var alone = new BeamSearch().search(step, options, new int[] {10}).get(0);
        var twice = new BeamSearch().search(new EnsembleStep(List.of(step, new BeamSearchNBestTest.ScriptedStep())), options, new int[] {10}).get(0);
        assertThat(twice).hasSameSizeAs(alone);
        for (int i = 0; i < alone.size(); i++) {
            assertThat(twice.get(i).tokens()).isEqualTo(alone.get(i).tokens());
            assertThat(twice.get(i).logProb()).isCloseTo(alone.get(i).logProb(), offset(1e-5));
        }
    }
}

package dev.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-source length limits in every search strategy, on a decoder step that never wants to stop:
 * each source ends exactly at its own limit, whatever the limits of the others in its batch.
 */
class SearchLimitsTest {

    /** Vocabulary of 6; token 3 always most likely, the end token (1) least likely. */
    static final class EndlessStep implements DecoderStep {
        private final int sources;

        EndlessStep(int sources) {
            this.sources = sources;
        }

        record Rows(int rows) implements DecoderState {
            @Override public int source(int row) { return row; }
        }

        @Override public int sources() { return sources; }
        @Override public int vocabularySize() { return 6; }
        @Override public int startToken() { return 0; }
        @Override public int endToken() { return 1; }
        @Override public DecoderState initialState() { return new Rows(sources); }
        @Override public DecoderState select(DecoderState state, int[] rows) { return new Rows(rows.length); }

        @Override
        public float[] logProbs(DecoderState state, int[] previousTokens) {
            float[] row = {-20f, -30f, -2.5f, -0.3f, -2.5f, -2.5f};
            float[] out = new float[previousTokens.length * row.length];
            for (int r = 0; r < previousTokens.length; r++) {
                System.arraycopy(row, 0, out, r * row.length, row.length);
            }
            return out;
        }
    }

    static int[] lengths(List<List<Hypothesis>> found) {
        return found.stream().mapToInt(h -> h.get(0).tokens().length).toArray();
    }

    @Test
    void eachSourceStopsAtItsOwnLimit() {
        int[] limits = {2, 9, 5};
        List<DecodingOptions> all = List.of(DecodingOptions.greedy(20), DecodingOptions.beam(3, 2, 0.6, 20),
                DecodingOptions.sampling(1.0, 0, 1.0, 7L, 0, 20));
        for (DecodingOptions options : all) {
            assertThat(lengths(options.searchStrategy().search(new EndlessStep(3), options, limits)))
                    .as(options.toString()).containsExactly(2, 9, 5);
            // alone, each source decodes to the same length as in the batch
            for (int s = 0; s < limits.length; s++) {
                var alone = options.searchStrategy().search(new EndlessStep(1), options, new int[] {limits[s]});
                assertThat(lengths(alone)).as(options + " source " + s).containsExactly(limits[s]);
            }
        }
    }

    @Test
    void theOptionsMaxLengthStillCapsEverySource() {
        var options = DecodingOptions.greedy(4);
        assertThat(lengths(options.searchStrategy().search(new EndlessStep(2), options, new int[] {2, 50})))
                .containsExactly(2, 4);
        assertThat(lengths(options.searchStrategy().search(new EndlessStep(2), options))).containsExactly(4, 4);
        assertThatThrownBy(() -> options.searchStrategy().search(new EndlessStep(2), options, new int[] {3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 length limits for 2 sources");
    }

    @Test
    void aSeededSamplingSourceIsTheSameWithALongerBatchMate() {
        var options = DecodingOptions.sampling(2.0, 0, 1.0, 11L, 0, 30);
        var together = options.searchStrategy().search(new EndlessStep(2), options, new int[] {6, 30});
        var alone = options.searchStrategy().search(new EndlessStep(1), options, new int[] {6});
        assertThat(together.get(0).get(0).tokens()).isEqualTo(alone.get(0).get(0).tokens());
        assertThat(Arrays.stream(together.get(0).get(0).tokens()).distinct().count()).isGreaterThan(1);
    }

    @Test
    void aCutHypothesisCountsOnlyTheTokensItProduced() {
        // greedy picks token 3 (-0.3) every step and never the end token: after 4 steps the sum is
        // four predictions, not five, and the hypothesis says it did not end
        var options = DecodingOptions.greedy(20);
        Hypothesis cut = options.searchStrategy().search(new EndlessStep(1), options, new int[] {4}).get(0).get(0);
        assertThat(cut.ended()).isFalse();
        assertThat(cut.scoredTokens()).isEqualTo(4);
        assertThat(cut.logProb()).isCloseTo(4 * -0.3, org.assertj.core.data.Offset.offset(1e-5));
        var beam = DecodingOptions.beam(2, 1, 0.0, 20);
        Hypothesis beamCut = beam.searchStrategy().search(new EndlessStep(1), beam, new int[] {4}).get(0).get(0);
        assertThat(beamCut.ended()).isFalse();
        assertThat(beamCut.scoredTokens()).isEqualTo(4);
        assertThat(beamCut.logProb()).isCloseTo(4 * -0.3, org.assertj.core.data.Offset.offset(1e-5));
    }
}

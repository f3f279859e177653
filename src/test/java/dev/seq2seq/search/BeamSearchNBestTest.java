package dev.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With more than one result asked for, beam search keeps going while a live hypothesis can still
 * beat the last of them, not only the first.
 */
class BeamSearchNBestTest {
    static final int START = 0, END = 1, A = 2, B = 3, C = 4;

    /** Next-token log-probabilities that depend on the previous token only. */
    static class ScriptedStep implements DecoderStep {
        record Rows(int rows) implements DecoderState {
            @Override public int source(int row) { return 0; }
        }

        static float[] after(int token) {
            return switch (token) {
                case START -> new float[] {-20f, -1.0f, -0.5f, -3.0f, -20f};   // "" -1.0, a -0.5
                case A -> new float[] {-20f, -0.2f, -5.0f, -20f, -0.4f};       // "a" -0.7, "ac..." -0.9
                case B -> new float[] {-20f, -10f, -6f, -6f, -6f};
                default -> new float[] {-20f, -0.05f, -8f, -8f, -8f};           // after c: "ac" -0.95
            };
        }

        @Override public int sources() { return 1; }
        @Override public int vocabularySize() { return 5; }
        @Override public int startToken() { return START; }
        @Override public int endToken() { return END; }
        @Override public DecoderState initialState() { return new Rows(1); }
        @Override public DecoderState select(DecoderState state, int[] rows) { return new Rows(rows.length); }

        @Override
        public float[] logProbs(DecoderState state, int[] previousTokens) {
            float[] out = new float[previousTokens.length * 5];
            for (int r = 0; r < previousTokens.length; r++) {
                System.arraycopy(after(previousTokens[r]), 0, out, r * 5, 5);
            }
            return out;
        }
    }

    @Test
    void theSecondResultIsTheSecondBestNotTheFirstThatFinished() {
        // after two steps "" (-1.0) and "a" (-0.7) have finished; the live "a c" (-0.9) cannot beat
        // the best (-0.7) but can beat the second (-1.0), and does: "a c" ends at -0.95
        DecodingOptions options = DecodingOptions.beam(3, 2, 0.0, 10);
        List<Hypothesis> found = new BeamSearch().search(new ScriptedStep(), options, new int[] {10}).get(0);
        assertThat(found).hasSize(2);
        assertThat(found.get(0).tokens()).containsExactly(A);
        assertThat(found.get(0).logProb()).isCloseTo(-0.7, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(found.get(1).tokens()).containsExactly(A, C);
        assertThat(found.get(1).logProb()).isCloseTo(-0.95, org.assertj.core.data.Offset.offset(1e-5));
        // both produced the end token, so each sums its tokens plus the end
        assertThat(found).allMatch(Hypothesis::ended);
        assertThat(found.get(1).scoredTokens()).isEqualTo(3);
    }

    @Test
    void withOneResultTheSearchStillStopsOnceNothingLiveCanWin() {
        DecodingOptions options = DecodingOptions.beam(3, 1, 0.0, 10);
        List<Hypothesis> found = new BeamSearch().search(new ScriptedStep(), options, new int[] {10}).get(0);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).tokens()).containsExactly(A);
    }
}

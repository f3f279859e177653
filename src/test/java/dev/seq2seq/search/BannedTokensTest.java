package dev.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** Tokens a source's rows may not write: ruled out, the rest renormalized, other sources untouched. */
class BannedTokensTest {
    private static final int END = 1;

    /** Two sources, one row each at first; every row gets the same distribution over 4 tokens. */
    static final class TwoSources implements DecoderStep {
        static final float[] ROW = {(float) Math.log(0.1), (float) Math.log(0.2), (float) Math.log(0.3), (float) Math.log(0.4)};

        record Rows(int[] sourceOf) implements DecoderState {
            @Override public int rows() { return sourceOf.length; }
            @Override public int source(int row) { return sourceOf[row]; }
        }

        @Override public int sources() { return 2; }
        @Override public int vocabularySize() { return 4; }
        @Override public int startToken() { return 0; }
        @Override public int endToken() { return END; }
        @Override public DecoderState initialState() { return new Rows(new int[] {0, 1}); }

        @Override
        public DecoderState select(DecoderState state, int[] rows) {
            int[] sourceOf = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                sourceOf[i] = state.source(rows[i]);
            }
            return new Rows(sourceOf);
        }

        @Override
        public float[] logProbs(DecoderState state, int[] previousTokens) {
            float[] out = new float[state.rows() * 4];
            for (int r = 0; r < state.rows(); r++) {
                System.arraycopy(ROW, 0, out, r * 4, 4);
            }
            return out;
        }
    }

    private static BitSet of(int... ids) {
        BitSet b = new BitSet();
        for (int id : ids) b.set(id);
        return b;
    }

    @Test
    void aBannedTokenIsImpossibleForItsSourceAndTheRestStillSumsToOne() {
        DecoderStep step = new BannedTokens(new TwoSources(), new BitSet[] {of(3), null});
        // rows reordered as a beam would: source 1, then source 0 twice
        DecoderState state = step.select(step.initialState(), new int[] {1, 0, 0});
        float[] p = step.logProbs(state, new int[] {2, 2, 2});
        // row 0 decodes source 1: untouched
        for (int t = 0; t < 4; t++) {
            assertThat(p[t]).isEqualTo(TwoSources.ROW[t]);
        }
        // rows 1 and 2 decode source 0: token 3 (0.4) gone, 0.1 : 0.2 : 0.3 renormalized over 0.6
        for (int r = 1; r <= 2; r++) {
            assertThat(p[r * 4 + 3]).isEqualTo(Float.NEGATIVE_INFINITY);
            assertThat((double) p[r * 4]).isCloseTo(Math.log(0.1 / 0.6), offset(1e-6));
            assertThat((double) p[r * 4 + 2]).isCloseTo(Math.log(0.3 / 0.6), offset(1e-6));
        }
    }

    @Test
    void greedySearchTakesTheBestAllowedToken() {
        // unrestricted, token 3 (0.4) wins the first step for both sources; banned for source 1, token 2 does
        var options = DecodingOptions.greedy(1);
        var free = new GreedySearch().search(new TwoSources(), options, new int[] {1, 1});
        var banned = new GreedySearch().search(new BannedTokens(new TwoSources(), new BitSet[] {null, of(3)}), options, new int[] {1, 1});
        assertThat(free.get(1).get(0).tokens()).containsExactly(3);
        assertThat(banned.get(0).get(0).tokens()).containsExactly(3);
        assertThat(banned.get(1).get(0).tokens()).containsExactly(2);
    }

    @Test
    void theEndTokenAndIdsOutsideTheVocabularyCannotBeBanned() {
        assertThatThrownBy(() -> new BannedTokens(new TwoSources(), new BitSet[] {of(END), null}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end token");
        assertThatThrownBy(() -> new BannedTokens(new TwoSources(), new BitSet[] {of(4), null}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the vocabulary");
        assertThatThrownBy(() -> new BannedTokens(new TwoSources(), new BitSet[] {null}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 banned sets for 2 sources");
    }
}

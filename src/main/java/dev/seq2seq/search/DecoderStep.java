package dev.seq2seq.search;

/**
 * What a search strategy knows of a model: one decoding step over a batch of hypotheses bound to
 * an already encoded batch of sources. All state lives in {@link DecoderState} objects owned by the
 * caller, so one step object may serve one search at a time, and many searches may run at once.
 */
public interface DecoderStep {
    /** Number of encoded sources. */
    int sources();

    int vocabularySize();

    int startToken();

    int endToken();

    /** A state with one row per source, row i decoding source i. */
    DecoderState initialState();

    /**
     * Feeds each row its previous token and returns log-probabilities of the next token,
     * [rows, vocabularySize] row-major. Advances {@code state} in place.
     */
    float[] logProbs(DecoderState state, int[] previousTokens);

    /** A new state whose row i is a copy of row {@code rows[i]} of {@code state} (beam reordering). */
    DecoderState select(DecoderState state, int[] rows);
}

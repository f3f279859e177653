package dev.seq2seq.search;

/** Takes the most likely token at every step (lowest id on ties). */
public final class GreedySearch extends SingleHypothesisSearch {
    @Override
    protected void start(int sources, DecodingOptions options) {
        // stateless
    }

    @Override
    protected int choose(int source, float[] scores, int offset, int vocab, DecodingOptions options) {
        int best = 0;
        for (int v = 1; v < vocab; v++) {
            if (scores[offset + v] > scores[offset + best]) {
                best = v;
            }
        }
        return best;
    }
}

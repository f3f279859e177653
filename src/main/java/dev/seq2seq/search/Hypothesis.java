package dev.seq2seq.search;

/**
 * One decoded target: its tokens (without start and end tokens), the sum of their
 * log-probabilities (end token included when it was produced), the score searches rank by, and
 * whether the search produced the end token (false when the hypothesis was cut at its length limit).
 *
 * <p>Three types describe an output, one per layer, each holding what its layer knows: a
 * {@code Hypothesis} is what a search finds (token ids; searches know no tokenizer); an
 * {@code inference.Seq2SeqModel.Generation} adds the text the tokenizer makes of it and may be
 * rescored (reranking, consensus); a {@code translate.Translation} is a whole request text put back
 * together from its sentences' generations, with alternatives, detection and traces.
 */
public record Hypothesis(int[] tokens, double logProb, double score, boolean ended) {

    /** How many predictions {@link #logProb} sums: the tokens, plus the end token when it was produced. */
    public int scoredTokens() {
        return tokens.length + (ended ? 1 : 0);
    }
}

package dev.seq2seq.search;

/**
 * What a decoder did at each step while it was fed a given target (teacher forcing), one row per
 * target token and one for the end token after them: the attention weights over the source
 * positions (each row sums to 1), and for an LSTM decoder the mean activation of its forget, input
 * and output gates and the mean absolute value of its cell state after the step (null for a vanilla
 * RNN decoder, which has neither).
 */
public record DecoderTrace(float[][] attention, double[] forget, double[] input, double[] output, double[] cell) {
    public int steps() {
        return attention.length;
    }
}

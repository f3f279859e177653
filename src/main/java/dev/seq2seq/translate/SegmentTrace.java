package dev.seq2seq.translate;

import java.util.List;

/**
 * A look inside the model for one sentence of a translation (the best one): the pieces it read and
 * wrote, and per written piece the attention over the pieces read (each row sums to 1) and,
 * where asked and the decoder is an LSTM, its mean gate activations and cell-state size.
 *
 * @param source    source pieces, the end token {@code </s>} last ({@code ▁} marks a space before a piece)
 * @param target    output pieces, the end token last
 * @param attention [target piece][source piece]
 * @param gates     null unless asked for, or for a vanilla RNN decoder
 */
public record SegmentTrace(List<String> source, List<String> target, float[][] attention, Gates gates) {

    /** Per output piece: the mean forget, input and output gate activation, and the mean |c| after the step. */
    public record Gates(double[] forget, double[] input, double[] output, double[] cell) {}

    /** How much of the inside a request wants. */
    public enum Detail {
        NONE, ATTENTION, GATES
    }
}

package dev.seq2seq.decoder;

import dev.seq2seq.search.DecoderState;

/** Decoder state: recurrent state per row and the attention weights of the last step. */
final class State implements DecoderState {
    final int[] sourceOf;
    final float[] h;
    final float[] c;
    float[][] attention;
    double[][] gates;   // per row: mean forget, input and output gate of the last step; null unless traced

    State(int[] sourceOf, int hidden) {
        this.sourceOf = sourceOf;
        this.h = new float[sourceOf.length * hidden];
        this.c = new float[sourceOf.length * hidden];
    }

    @Override public int rows() { return sourceOf.length; }
    @Override public int source(int row) { return sourceOf[row]; }

    /** Attention weights over the source positions that the given row used at its last step. */
    float[] attention(int row) { return attention == null ? null : attention[row]; }
}

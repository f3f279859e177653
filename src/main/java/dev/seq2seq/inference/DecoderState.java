package dev.seq2seq.inference;

/** Opaque per-search decoder state: one row per live hypothesis. */
public interface DecoderState {
    int rows();

    /** The source each row decodes. */
    int source(int row);
}

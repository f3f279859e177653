package dev.seq2seq.search;

/** Opaque per-search decoder state: one row per live hypothesis. */
public interface DecoderState {
    int rows();

    /** The source each row decodes. */
    int source(int row);
}

package dev.seq2seq.serving;

/** What a {@link DynamicBatcher} reports after each batch, e.g. to a metrics registry. */
public interface BatchListener {
    /**
     * @param model        the bundle's name
     * @param texts        texts decoded together
     * @param requests     requests whose first texts these were: a request larger than a batch is
     *                     decoded over several and counted in the first only
     * @param waitNanos    longest time one of those requests waited in the queue (0 when the batch
     *                     only continued requests started before)
     * @param decodeNanos  time the decoding took
     * @param targetTokens tokens of the outputs returned (each text's best hypothesis; with consensus
     *                     decoding, of the chosen sample only, not of every sample drawn)
     */
    void batchDone(String model, int texts, int requests, long waitNanos, long decodeNanos, long targetTokens);

    BatchListener NONE = (model, texts, requests, waitNanos, decodeNanos, targetTokens) -> {};
}

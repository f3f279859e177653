package dev.seq2seq.serving;

import dev.seq2seq.inference.Generator;
import dev.seq2seq.inference.Seq2SeqModel.Generation;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.search.DecodingOptions;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** One {@link DynamicBatcher} per loaded model, each with its workers; requests wait at most {@code timeoutMillis}. */
public final class Batchers implements Generator, AutoCloseable {
    private final Map<Seq2SeqModel, DynamicBatcher> batchers = new IdentityHashMap<>();
    private final long timeoutMillis;

    public Batchers(List<Seq2SeqModel> models, int maxBatch, long maxDelayMillis, long maxBatchMillis, int queueCapacity,
                    long timeoutMillis, BatchListener listener) {
        this(models, maxBatch, maxDelayMillis, maxBatchMillis, queueCapacity, 1, timeoutMillis, listener);
    }

    /** With {@code workers} decoding threads per model. */
    public Batchers(List<Seq2SeqModel> models, int maxBatch, long maxDelayMillis, long maxBatchMillis, int queueCapacity,
                    int workers, long timeoutMillis, BatchListener listener) {
        for (Seq2SeqModel m : models) {
            batchers.put(m, new DynamicBatcher(m, maxBatch, maxDelayMillis, maxBatchMillis, queueCapacity, workers, listener));
        }
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public List<List<Generation>> generate(Seq2SeqModel model, List<String> texts, DecodingOptions options) {
        DynamicBatcher batcher = batchers.get(model);
        if (batcher == null) {
            throw new IllegalArgumentException("no batcher for model " + model.name());
        }
        return batcher.generate(texts, options, timeoutMillis);
    }

    /** Requests waiting for one model. */
    public int queueDepth(Seq2SeqModel model) {
        DynamicBatcher b = batchers.get(model);
        return b == null ? 0 : b.queueDepth();
    }

    @Override
    public void close() {
        batchers.values().forEach(DynamicBatcher::close);
    }
}

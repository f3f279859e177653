package dev.seq2seq.serving;

import dev.seq2seq.inference.Seq2SeqModel.Generation;
import dev.seq2seq.search.DecodingOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A request waiting in a {@link DynamicBatcher}: its texts, and how far its worker has got with them
 * (that worker's thread only).
 */
record Job(List<String> texts, DecodingOptions options, long enqueuedNanos, long deadlineNanos,
           CompletableFuture<List<List<Generation>>> result, AtomicInteger done, List<List<Generation>> results) {

    Job(List<String> texts, DecodingOptions options, long enqueuedNanos, long deadlineNanos,
        CompletableFuture<List<List<Generation>>> result) {
        this(texts, options, enqueuedNanos, deadlineNanos, result, new AtomicInteger(),
                new ArrayList<>(Collections.nCopies(texts.size(), null)));
    }

    /**
     * Takes the request's next texts that fit in {@code room} decoder rows (a consensus-sampled text
     * takes {@code samples} rows) and in {@code units} of work (a text's beam size times its
     * samples), at least one text so that every request advances.
     */
    Slice nextSlice(int room, double units) {
        int from = done.get();
        int perText = options.samples();
        double unitsPerText = (double) perText * options.beamSize();
        int n = (int) Math.max(1, Math.min(Math.min(texts.size() - from, room / perText), units / unitsPerText));
        done.set(from + n);
        return new Slice(this, from, from + n, n * perText);
    }

    /** Texts {@code [from, to)} of a request, decoded in one batch, taking {@code rows} decoder rows. */
    record Slice(Job job, int from, int to, int rows) {}
}

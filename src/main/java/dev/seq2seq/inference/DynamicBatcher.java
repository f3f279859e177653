package dev.seq2seq.inference;

import dev.seq2seq.inference.Seq2SeqModel.Generation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes concurrent requests for one model together, as serving systems (Triton, DJL Serving)
 * do: requests wait in a bounded queue; one worker takes the oldest, keeps draining the queue
 * until it holds {@code maxBatch} texts or {@code maxDelay} has passed since that request came,
 * then decodes each group of requests with the same decoding options in one pass (sorted by
 * length, so similar lengths share a batch; at most {@code maxBatch} decoder rows at once, so a
 * consensus-sampled text, which takes {@code samples} rows, counts that many times) and completes
 * every request's future.
 *
 * <p>A full queue refuses at once ({@link OverloadedException}); a request whose deadline passes
 * while it waits is failed the same way rather than decoded late. Nothing accepted is dropped:
 * every future completes, with a result or an exception, also when the batcher is closed. A
 * refusal carries a retry delay estimated from the texts waiting and the recent decoding rate.
 */
public final class DynamicBatcher implements AutoCloseable {
    private record Job(List<String> texts, DecodingOptions options, long enqueuedNanos, long deadlineNanos,
                       CompletableFuture<List<List<Generation>>> result) {}

    private final Seq2SeqModel model;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final BlockingQueue<Job> queue;
    private final BatchListener listener;
    private final Thread worker;
    private final AtomicInteger queuedTexts = new AtomicInteger();
    /** Texts decoded per second, a moving average over recent batches (0 before the first). */
    private volatile double textsPerSecond;
    private volatile boolean closed;
    private final java.util.function.LongSupplier clock;

    public DynamicBatcher(Seq2SeqModel model, int maxBatch, long maxDelayMillis, int queueCapacity, BatchListener listener) {
        this(model, maxBatch, maxDelayMillis, queueCapacity, listener, System::nanoTime);
    }

    /** With the clock that waits and deadlines are measured on (tests move a fake one instead of sleeping). */
    DynamicBatcher(Seq2SeqModel model, int maxBatch, long maxDelayMillis, int queueCapacity, BatchListener listener,
                   java.util.function.LongSupplier nanoClock) {
        this.clock = nanoClock;
        if (maxBatch < 1 || maxDelayMillis < 0 || queueCapacity < 1) {
            throw new IllegalArgumentException("maxBatch and queueCapacity must be positive and maxDelay not negative");
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.maxDelayNanos = TimeUnit.MILLISECONDS.toNanos(maxDelayMillis);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.listener = listener;
        this.worker = new Thread(this::run, "batcher-" + model.bundle().config().name());
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Requests waiting, not counting the batch being decoded. */
    public int queueDepth() {
        return queue.size();
    }

    /** Seconds a refused caller should wait: the texts queued over the recent decoding rate, 1 to 60. */
    public int retryAfterSeconds() {
        return retryAfterSeconds(queuedTexts.get(), textsPerSecond);
    }

    static int retryAfterSeconds(int queuedTexts, double textsPerSecond) {
        if (!(textsPerSecond > 0)) {
            return 1;
        }
        return (int) Math.max(1, Math.min(60, Math.ceil(queuedTexts / textsPerSecond)));
    }

    /** Queues the texts; the future gives each text's hypotheses, in order. */
    public CompletableFuture<List<List<Generation>>> submit(List<String> texts, DecodingOptions options, long timeoutMillis) {
        long now = clock.getAsLong();
        var job = new Job(List.copyOf(texts), options, now, now + TimeUnit.MILLISECONDS.toNanos(timeoutMillis),
                new CompletableFuture<>());
        if (closed) {
            throw new OverloadedException("the service is shutting down", 1);
        }
        queuedTexts.addAndGet(job.texts().size());
        if (!queue.offer(job)) {
            queuedTexts.addAndGet(-job.texts().size());
            throw new OverloadedException("model " + model.bundle().config().name() + " has " + queue.size()
                    + " requests waiting, its queue limit", retryAfterSeconds());
        }
        if (closed && queue.remove(job)) {   // closed between the check and the offer: the worker may be gone
            queuedTexts.addAndGet(-job.texts().size());
            throw new OverloadedException("the service is shutting down", 1);
        }
        return job.result();
    }

    /** Submits and waits for the result up to the deadline. */
    public List<List<Generation>> generate(List<String> texts, DecodingOptions options, long timeoutMillis) {
        var future = submit(texts, options, timeoutMillis);
        try {
            return future.get(timeoutMillis + 50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new OverloadedException("no result within the deadline of " + timeoutMillis + " ms", retryAfterSeconds());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverloadedException("interrupted while waiting for the model", 1);
        }
    }

    private void run() {
        while (!closed) {
            List<Job> jobs = new ArrayList<>();
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken(first);
                jobs.add(first);
                int texts = first.texts().size();
                long flushAt = first.enqueuedNanos() + maxDelayNanos;
                while (texts < maxBatch) {
                    long left = flushAt - clock.getAsLong();
                    Job next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    taken(next);
                    jobs.add(next);
                    texts += next.texts().size();
                }
                decode(jobs);
            } catch (InterruptedException e) {
                jobs.forEach(j -> j.result().completeExceptionally(new OverloadedException("the service is shutting down", 1)));
                break;
            } catch (RuntimeException | Error e) {
                jobs.forEach(j -> j.result().completeExceptionally(e));
            }
        }
        for (Job j; (j = queue.poll()) != null; ) {
            j.result().completeExceptionally(new OverloadedException("the service is shutting down", 1));
        }
    }

    private void taken(Job job) {
        queuedTexts.addAndGet(-job.texts().size());
    }

    private void decode(List<Job> jobs) {
        long now = clock.getAsLong();
        Map<DecodingOptions, List<Job>> groups = new LinkedHashMap<>();
        for (Job j : jobs) {
            if (j.result().isDone()) {
                continue;   // cancelled by a caller that gave up
            }
            if (now > j.deadlineNanos()) {
                j.result().completeExceptionally(new OverloadedException("waited past the deadline in the queue", retryAfterSeconds()));
                continue;
            }
            groups.computeIfAbsent(j.options(), k -> new ArrayList<>()).add(j);
        }
        groups.forEach((options, group) -> {
            // every text of the group, longest first, decoded in chunks of at most maxBatch
            record Item(int job, int index, String text) {}
            List<Item> items = new ArrayList<>();
            for (int g = 0; g < group.size(); g++) {
                List<String> texts = group.get(g).texts();
                for (int i = 0; i < texts.size(); i++) {
                    items.add(new Item(g, i, texts.get(i)));
                }
            }
            items.sort(Comparator.comparingInt((Item it) -> it.text().length()).reversed());
            List<List<List<Generation>>> results = new ArrayList<>();
            for (Job j : group) {
                List<List<Generation>> slots = new ArrayList<>();
                j.texts().forEach(t -> slots.add(null));
                results.add(slots);
            }
            long waited = now - group.stream().mapToLong(Job::enqueuedNanos).min().orElse(now);
            // maxBatch bounds the decoder rows: consensus sampling decodes each text samples() times
            int perChunk = Math.max(1, maxBatch / options.samples());
            long[] decodeNanos = new long[(items.size() + perChunk - 1) / perChunk];
            long[] tokens = new long[decodeNanos.length];
            int[] sizes = new int[decodeNanos.length];
            for (int start = 0, c = 0; start < items.size(); start += perChunk, c++) {
                List<Item> chunk = items.subList(start, Math.min(items.size(), start + perChunk));
                if (chunk.stream().allMatch(it -> group.get(it.job()).result().isDone())) {
                    continue;   // every caller of this chunk has given up
                }
                long t0 = clock.getAsLong();
                List<List<Generation>> decoded = model.generate(chunk.stream().map(Item::text).toList(), options);
                for (int k = 0; k < chunk.size(); k++) {
                    results.get(chunk.get(k).job()).set(chunk.get(k).index(), decoded.get(k));
                    tokens[c] += decoded.get(k).get(0).tokens().length;
                }
                decodeNanos[c] = clock.getAsLong() - t0;
                sizes[c] = chunk.size();
                double rate = chunk.size() / Math.max(decodeNanos[c] / 1e9, 1e-6);
                textsPerSecond = textsPerSecond == 0 ? rate : 0.8 * textsPerSecond + 0.2 * rate;
            }
            for (int g = 0; g < group.size(); g++) {
                group.get(g).result().complete(results.get(g));
            }
            for (int c = 0; c < sizes.length; c++) {   // after the results: a failing listener cannot fail requests
                if (sizes[c] > 0) {
                    try {
                        listener.batchDone(model.bundle().config().name(), sizes[c], group.size(), waited, decodeNanos[c], tokens[c]);
                    } catch (RuntimeException e) {
                        // metrics are best effort
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

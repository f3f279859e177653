package dev.seq2seq.serving;

import dev.seq2seq.inference.Seq2SeqModel.Generation;
import dev.seq2seq.serving.Job.Slice;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.request.OverloadedException;
import dev.seq2seq.search.DecodingOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
import java.util.function.LongSupplier;

/**
 * Decodes concurrent requests for one model together, as serving systems (Triton, DJL Serving)
 * do: requests wait in a bounded queue; a worker takes the oldest, keeps draining the queue
 * until it holds {@code maxBatch} texts or {@code maxDelay} has passed since that request came,
 * then decodes each group of requests with the same decoding options in one pass (at most
 * {@code maxBatch} decoder rows at once, so a consensus-sampled text, which takes {@code samples}
 * rows, counts that many times) and completes every request's future. A request of more texts
 * than a batch holds is decoded a batch at a time, interleaved with the requests that come
 * meanwhile, which go first ({@link #run}).
 *
 * <p>With several workers ({@code seq2seq.batching.workers}), each forms and decodes its own
 * batches from the one queue, so that while one decodes the next batch forms and runs on another
 * core; the model is immutable and its decoding state lives in each search, so they share it.
 *
 * <p>A full queue refuses at once ({@link OverloadedException}); a request whose deadline passes
 * while it waits is failed the same way rather than decoded late. Nothing accepted is dropped:
 * every future completes, with a result or an exception, also when the batcher is closed. A
 * refusal carries a retry delay estimated from the texts waiting and the recent decoding rate.
 */
public final class DynamicBatcher implements AutoCloseable {
    private final Seq2SeqModel model;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final BlockingQueue<Job> queue;
    private final BatchListener listener;
    private final List<Thread> workers;
    private final AtomicInteger queuedTexts = new AtomicInteger();
    /** Texts decoded per second, a moving average over recent batches (0 before the first). */
    private volatile double textsPerSecond;
    private volatile boolean closed;
    private final LongSupplier clock;
    private final long maxBatchNanos;
    /** Decoding time per unit of work (a text times its beam and samples), a moving average; 0 before the first batch. */
    private volatile double nanosPerUnit;

    /**
     * With {@code workers} threads decoding batches from the one queue. With {@code maxBatchMillis}
     * above 0, a batch also holds no more texts than the decoding rate measured so far lets finish
     * in about that time (at least one text): this bounds how long a request that arrives while a
     * large one is being decoded waits for the batch in progress.
     */
    public DynamicBatcher(Seq2SeqModel model, int maxBatch, long maxDelayMillis, long maxBatchMillis, int queueCapacity,
                          int workers, BatchListener listener) {
        this(model, maxBatch, maxDelayMillis, maxBatchMillis, queueCapacity, workers, listener, System::nanoTime);
    }

    /** With the clock that waits, deadlines and decoding rates are measured on (tests move a fake one instead of sleeping). */
    DynamicBatcher(Seq2SeqModel model, int maxBatch, long maxDelayMillis, long maxBatchMillis, int queueCapacity,
                   int workers, BatchListener listener, LongSupplier nanoClock) {
        this.clock = nanoClock;
        this.maxBatchNanos = TimeUnit.MILLISECONDS.toNanos(maxBatchMillis);
        if (maxBatch < 1 || maxDelayMillis < 0 || queueCapacity < 1 || workers < 1) {
            throw new IllegalArgumentException("maxBatch, queueCapacity and workers must be positive and maxDelay not negative");
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.maxDelayNanos = TimeUnit.MILLISECONDS.toNanos(maxDelayMillis);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.listener = listener;
        List<Thread> threads = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::run, "batcher-" + model.name() + (workers > 1 ? "-" + (i + 1) : ""));
            worker.setDaemon(true);
            threads.add(worker);
        }
        this.workers = List.copyOf(threads);
        this.workers.forEach(Thread::start);
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
            throw new OverloadedException("model " + model.name() + " has " + queue.size()
                    + " requests waiting, its queue limit", retryAfterSeconds());
        }
        if (closed && queue.remove(job)) {   // closed between the check and the offer: the workers may be gone
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

    /**
     * The worker: each batch first takes new requests from the queue (waiting up to maxDelay for
     * them when nothing else is pending), then fills the rows left with the next texts of requests
     * already started. A request larger than one batch is decoded a batch's worth at a time and
     * goes back behind the others, so that requests arriving meanwhile are served in the next batch
     * instead of waiting for all of it: a heavy client slows itself, not everyone.
     */
    private void run() {
        ArrayDeque<Job> started = new ArrayDeque<>();
        while (!closed) {
            Forming batch = new Forming(maxBatchNanos > 0 && nanosPerUnit > 0 ? maxBatchNanos / nanosPerUnit : Double.MAX_VALUE);
            try {
                takeNew(batch, started.isEmpty());
                continueStarted(batch, started);
                if (batch.slices.isEmpty()) {
                    continue;
                }
                decode(batch.slices);
                for (Slice sl : batch.slices) {   // a request has one slice per batch: it was taken from the queue or from started
                    if (sl.to() < sl.job().texts().size() && !sl.job().result().isDone()) {
                        started.addLast(sl.job());   // the rest after everyone else's next batch
                    }
                }
            } catch (InterruptedException e) {
                batch.slices.forEach(sl -> sl.job().result().completeExceptionally(shuttingDown()));
                break;
            } catch (RuntimeException | Error e) {
                batch.slices.forEach(sl -> sl.job().result().completeExceptionally(e));
            }
        }
        started.forEach(j -> j.result().completeExceptionally(shuttingDown()));
        for (Job j; (j = queue.poll()) != null; ) {
            j.result().completeExceptionally(shuttingDown());
        }
    }

    private static OverloadedException shuttingDown() {
        return new OverloadedException("the service is shutting down", 1);
    }

    /** A batch being formed: its slices, the decoder rows they take, and the units of work still allowed. */
    private final class Forming {
        final List<Slice> slices = new ArrayList<>();
        int rows;
        double units;

        Forming(double units) {
            this.units = units;
        }

        boolean full() {
            return rows >= maxBatch;
        }

        void add(Job job) {
            int before = rows;
            Slice slice = job.nextSlice(maxBatch - rows, units);
            slices.add(slice);
            rows += slice.rows();
            units -= (rows - before) * (double) job.options().beamSize();
        }
    }

    /**
     * Takes new requests from the queue into the batch until it is full or the queue is empty;
     * when no started request is waiting ({@code idle}), waits for the first and then up to
     * {@code maxDelay} after it for more.
     */
    private void takeNew(Forming batch, boolean idle) throws InterruptedException {
        Job first = idle ? queue.poll(100, TimeUnit.MILLISECONDS) : queue.poll();
        long flushAt = first == null ? 0 : first.enqueuedNanos() + maxDelayNanos;
        for (Job next = first; next != null; ) {
            taken(next);
            batch.add(next);
            if (batch.full()) {
                return;
            }
            long left = flushAt - clock.getAsLong();
            next = left > 0 && idle ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
        }
    }

    /** Fills the rows left with the next texts of requests already started, oldest first. */
    private static void continueStarted(Forming batch, ArrayDeque<Job> started) {
        while (!batch.full() && batch.units >= 1 && !started.isEmpty()) {
            batch.add(started.pollFirst());
        }
    }

    private void taken(Job job) {
        queuedTexts.addAndGet(-job.texts().size());
    }

    private void decode(List<Slice> batch) {
        long now = clock.getAsLong();
        groupsToDecode(batch, now).forEach((options, group) -> decodeGroup(options, group, now));
    }

    /**
     * The slices still wanted, grouped by their decoding options: a slice whose caller gave up is
     * dropped, and a request that never started and is past its deadline is refused rather than
     * decoded late.
     */
    private Map<DecodingOptions, List<Slice>> groupsToDecode(List<Slice> batch, long now) {
        Map<DecodingOptions, List<Slice>> groups = new LinkedHashMap<>();
        for (Slice sl : batch) {
            Job j = sl.job();
            if (j.result().isDone()) {
                continue;   // cancelled by a caller that gave up
            }
            if (sl.from() == 0 && now > j.deadlineNanos()) {
                j.result().completeExceptionally(new OverloadedException("waited past the deadline in the queue", retryAfterSeconds()));
                continue;
            }
            groups.computeIfAbsent(j.options(), k -> new ArrayList<>()).add(sl);
        }
        return groups;
    }

    /** Decodes one group's texts in one pass, hands each request its results and reports the batch. */
    private void decodeGroup(DecodingOptions options, List<Slice> group, long now) {
        List<String> texts = new ArrayList<>();
        group.forEach(sl -> texts.addAll(sl.job().texts().subList(sl.from(), sl.to())));
        long t0 = clock.getAsLong();
        List<List<Generation>> decoded = model.generate(texts, options);
        long decodeNanos = clock.getAsLong() - t0;
        long tokens = deliver(group, decoded);
        double unitNanos = decodeNanos / ((double) texts.size() * options.beamSize() * options.samples());
        nanosPerUnit = nanosPerUnit == 0 ? unitNanos : 0.8 * nanosPerUnit + 0.2 * unitNanos;
        double rate = texts.size() / Math.max(decodeNanos / 1e9, 1e-6);
        textsPerSecond = textsPerSecond == 0 ? rate : 0.8 * textsPerSecond + 0.2 * rate;
        report(group, now, texts.size(), decodeNanos, tokens);
    }

    /**
     * Stores each slice's results in its request and completes the requests whose last texts these
     * were; returns the tokens of the best outputs.
     */
    private static long deliver(List<Slice> group, List<List<Generation>> decoded) {
        long tokens = 0;
        int k = 0;
        for (Slice sl : group) {
            for (int i = sl.from(); i < sl.to(); i++, k++) {
                sl.job().results().set(i, decoded.get(k));
                tokens += decoded.get(k).get(0).tokens().length;
            }
            if (sl.to() == sl.job().texts().size()) {
                sl.job().result().complete(List.copyOf(sl.job().results()));
            }
        }
        return tokens;
    }

    /**
     * Tells the listener about a decoded group, after the results, so a failing listener cannot
     * fail requests. A request decoded over several batches is counted, and its queue wait
     * measured, in the batch of its first texts only.
     */
    private void report(List<Slice> group, long now, int texts, long decodeNanos, long tokens) {
        int requests = 0;
        long waited = 0;
        for (Slice sl : group) {
            if (sl.from() == 0) {
                requests++;
                waited = Math.max(waited, now - sl.job().enqueuedNanos());
            }
        }
        try {
            listener.batchDone(model.name(), texts, requests, waited, decodeNanos, tokens);
        } catch (RuntimeException e) {
            // metrics are best effort
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
        try {
            for (Thread worker : workers) {
                worker.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

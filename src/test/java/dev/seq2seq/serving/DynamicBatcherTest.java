package dev.seq2seq.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.request.OverloadedException;
import dev.seq2seq.search.DecodingOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batcher on a fake clock: waits, deadlines and decoding rates are measured on a clock the test
 * holds, and the order of events is fixed with latches, so that no outcome depends on how fast the
 * machine is. The only real waits are the bounds on results that must come.
 */
class DynamicBatcherTest {
    static Seq2SeqModel model;
    static final List<String> TEXTS = List.of("el gato come pescado", "la casa es grande", "Hola.", "Gracias.",
            "el niño lee un libro", "¿Dónde está el tren?");
    static final DecodingOptions GREEDY = DecodingOptions.greedy(30);
    static final long HOUR_MS = TimeUnit.HOURS.toMillis(1);
    static final long DAY_MS = TimeUnit.DAYS.toMillis(1);

    @BeforeAll
    static void load() {
        model = new Seq2SeqModel(BundleReader.load(Path.of("src/test/resources/tiny-models/es-en")));
    }

    record Batch(int texts, int requests, long waitNanos) {}

    /** Records every batch; holds the worker after the first until {@link #release}. */
    static final class HoldFirst implements BatchListener {
        final List<Batch> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch busy = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);

        @Override
        public void batchDone(String m, int texts, int requests, long waitNanos, long decodeNanos, long tokens) {
            batches.add(new Batch(texts, requests, waitNanos));
            busy.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitFirstBatch() throws InterruptedException {
            assertThat(busy.await(10, TimeUnit.SECONDS)).as("the first batch was decoded").isTrue();
        }

        void release() {
            released.countDown();
        }
    }

    private static DynamicBatcher batcher(int maxBatch, long maxDelayMillis, int queue, BatchListener listener, LongSupplier clock) {
        return new DynamicBatcher(model, maxBatch, maxDelayMillis, 0, queue, 1, listener, clock);
    }

    private static String alone(String text, DecodingOptions options) {
        return model.generate(List.of(text), options).get(0).get(0).text();
    }

    private static String first(CompletableFuture<List<List<Seq2SeqModel.Generation>>> result, int text) throws Exception {
        return result.get(10, TimeUnit.SECONDS).get(text).get(0).text();
    }

    @Test
    void requestsThatWaitTogetherAreDecodedInOneBatchWithTheSameResultsAsAlone() throws Exception {
        HoldFirst listener = new HoldFirst();
        AtomicLong now = new AtomicLong();
        try (var batcher = batcher(32, 0, 16, listener, now::get)) {
            var gate = batcher.submit(List.of("Hola."), GREEDY, 10_000);
            listener.awaitFirstBatch();   // the worker is held: everything below queues up
            List<CompletableFuture<List<List<Seq2SeqModel.Generation>>>> futures = new ArrayList<>();
            for (String text : TEXTS) {
                futures.add(batcher.submit(List.of(text), GREEDY, 10_000));
            }
            var multi = batcher.submit(TEXTS.subList(0, 3), GREEDY, 10_000);   // a multi-text request joins too
            listener.release();
            for (int i = 0; i < TEXTS.size(); i++) {
                assertThat(first(futures.get(i), 0)).isEqualTo(alone(TEXTS.get(i), GREEDY));
            }
            assertThat(multi.get(10, TimeUnit.SECONDS)).hasSize(3);
            assertThat(first(multi, 2)).isEqualTo("Hello.");
            assertThat(first(gate, 0)).isEqualTo("Hello.");
        }
        assertThat(listener.batches).extracting(Batch::texts, Batch::requests)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1), org.assertj.core.groups.Tuple.tuple(TEXTS.size() + 3, TEXTS.size() + 1));
    }

    @Test
    void aRequestDecodedOverSeveralBatchesIsCountedAndItsQueueWaitMeasuredOnce() throws Exception {
        List<Batch> batches = new CopyOnWriteArrayList<>();
        AtomicLong ticks = new AtomicLong();
        LongSupplier clock = () -> ticks.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));   // 1 ms later at every reading
        try (var batcher = batcher(2, 0, 4, (m, texts, requests, wait, decode, tokens) -> batches.add(new Batch(texts, requests, wait)), clock)) {
            var result = batcher.submit(TEXTS.subList(0, 5), GREEDY, DAY_MS);
            assertThat(result.get(10, TimeUnit.SECONDS)).hasSize(5);
        }
        assertThat(batches).extracting(Batch::texts).containsExactly(2, 2, 1);
        assertThat(batches).extracting(Batch::requests).containsExactly(1, 0, 0);
        // queued at the first reading, decoded from the second: 1 ms in the queue, and no wait told for the later batches
        assertThat(batches).extracting(Batch::waitNanos).containsExactly(TimeUnit.MILLISECONDS.toNanos(1), 0L, 0L);
    }

    @Test
    void consensusSampledTextsCountTheirSamplesAgainstTheBatchLimit() throws Exception {
        List<Batch> batches = new CopyOnWriteArrayList<>();
        var fourSamples = DecodingOptions.sampling(1.0, 0, 1.0, 3L, 0, 30).withSamples(4);
        AtomicLong now = new AtomicLong();
        try (var batcher = batcher(8, 0, 4, (m, texts, requests, wait, decode, tokens) -> batches.add(new Batch(texts, requests, wait)), now::get)) {
            var result = batcher.submit(TEXTS.subList(0, 6), fourSamples, 10_000);
            for (int i = 0; i < 6; i++) {
                assertThat(first(result, i)).isEqualTo(alone(TEXTS.get(i), fourSamples));
            }
        }
        assertThat(batches).extracting(Batch::texts).containsExactly(2, 2, 2);   // 8 rows: 2 texts of 4 samples each
    }

    @Test
    void aRequestLargerThanABatchIsInterleavedWithTheRequestsThatComeMeanwhile() throws Exception {
        HoldFirst listener = new HoldFirst();
        AtomicLong now = new AtomicLong();
        List<String> heavy = List.of("la casa es grande", "el gato come pescado", "Hola.", "Gracias.", "la casa es grande", "Hola.");
        try (var batcher = batcher(2, 0, 4, listener, now::get)) {
            var big = batcher.submit(heavy, GREEDY, 10_000);
            listener.awaitFirstBatch();   // its first two texts are decoded
            var light = batcher.submit(List.of("Gracias."), GREEDY, 10_000);
            listener.release();
            assertThat(first(light, 0)).isEqualTo(alone("Gracias.", GREEDY));
            var all = big.get(10, TimeUnit.SECONDS);
            assertThat(all).hasSize(6);
            for (int i = 0; i < heavy.size(); i++) {   // every text in its place
                assertThat(all.get(i).get(0).text()).isEqualTo(alone(heavy.get(i), GREEDY));
            }
        }
        // the light request went into the second batch, beside the heavy one's next text, not after the whole heavy one
        assertThat(listener.batches.get(1)).extracting(Batch::texts, Batch::requests).containsExactly(2, 1);
        assertThat(listener.batches.stream().mapToInt(Batch::texts).sum()).isEqualTo(7);
        assertThat(listener.batches.stream().mapToInt(Batch::requests).sum()).isEqualTo(2);
    }

    @Test
    void withTwoWorkersASecondBatchIsDecodedWhileTheFirstIsHeld() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bothBusy = new CountDownLatch(2);
        List<String> threads = new CopyOnWriteArrayList<>();
        BatchListener hold = (m, texts, requests, wait, decode, tokens) -> {
            threads.add(Thread.currentThread().getName());
            bothBusy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        AtomicLong now = new AtomicLong();
        try (var batcher = new DynamicBatcher(model, 1, 0, 0, 8, 2, hold, now::get)) {
            var first = batcher.submit(List.of("Hola."), GREEDY, 10_000);
            var second = batcher.submit(List.of("Gracias."), GREEDY, 10_000);
            // one worker alone would hold the second request behind the first until release
            assertThat(bothBusy.await(10, TimeUnit.SECONDS)).as("both batches decoded at once").isTrue();
            release.countDown();
            assertThat(first(first, 0)).isEqualTo("Hello.");
            assertThat(first(second, 0)).isEqualTo("Thank you.");
        }
        assertThat(threads).containsExactlyInAnyOrder("batcher-es-en-1", "batcher-es-en-2");
    }

    @Test
    void aLoneRequestIsFlushedOnceTheDelayHasPassedOnTheBatchersClock() throws Exception {
        List<Batch> batches = new CopyOnWriteArrayList<>();
        AtomicLong ticks = new AtomicLong();
        LongSupplier clock = () -> ticks.addAndGet(TimeUnit.HOURS.toNanos(1));   // each reading an hour, the delay, later
        try (var batcher = batcher(32, HOUR_MS, 4, (m, texts, requests, wait, decode, tokens) -> batches.add(new Batch(texts, requests, wait)), clock)) {
            var result = batcher.submit(List.of("Gracias."), GREEDY, DAY_MS);
            assertThat(first(result, 0)).isEqualTo("Thank you.");   // not held for a full batch of 32
        }
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.texts()).isEqualTo(1);
            assertThat(b.waitNanos()).isGreaterThanOrEqualTo(TimeUnit.HOURS.toNanos(1));
        });
    }

    @Test
    void withinTheDelayABatchWaitsForMoreRequestsUntilItIsFull() throws Exception {
        List<Batch> batches = new CopyOnWriteArrayList<>();
        AtomicLong now = new AtomicLong();   // stands still: the hour's delay never passes
        try (var batcher = batcher(2, HOUR_MS, 4, (m, texts, requests, wait, decode, tokens) -> batches.add(new Batch(texts, requests, wait)), now::get)) {
            var one = batcher.submit(List.of("Hola."), GREEDY, DAY_MS);
            while (batcher.queueDepth() > 0) {   // until the worker has taken it
                Thread.onSpinWait();
            }
            var two = batcher.submit(List.of("Gracias."), GREEDY, DAY_MS);   // fills the batch: decoded at once
            assertThat(first(one, 0)).isEqualTo("Hello.");
            assertThat(first(two, 0)).isEqualTo("Thank you.");
        }
        assertThat(batches).extracting(Batch::texts, Batch::requests).containsExactly(org.assertj.core.groups.Tuple.tuple(2, 2));
    }

    @Test
    void theRetryDelayIsTheQueuedTextsOverTheDecodingRate() {
        assertThat(DynamicBatcher.retryAfterSeconds(5, 0)).isEqualTo(1);        // no rate measured yet
        assertThat(DynamicBatcher.retryAfterSeconds(0, 40)).isEqualTo(1);
        assertThat(DynamicBatcher.retryAfterSeconds(100, 40)).isEqualTo(3);     // 2.5 s, rounded up
        assertThat(DynamicBatcher.retryAfterSeconds(256, 2)).isEqualTo(60);     // capped at a minute
    }

    @Test
    void aFullQueueRefusesAtOnceAndALateRequestFailsWithoutBeingDecoded() throws Exception {
        HoldFirst listener = new HoldFirst();
        AtomicLong now = new AtomicLong();
        try (var batcher = batcher(1, 0, 2, listener, now::get)) {
            var first = batcher.submit(List.of("Hola."), GREEDY, 10_000);
            listener.awaitFirstBatch();   // the worker is held after its first batch
            var late = batcher.submit(List.of("Gracias."), GREEDY, 20);
            var waiting = batcher.submit(List.of("la casa es grande"), GREEDY, 10_000);
            assertThatThrownBy(() -> batcher.submit(List.of("el gato come pescado"), GREEDY, 10_000))
                    .isInstanceOf(OverloadedException.class).hasMessageContaining("queue limit")
                    .satisfies(e -> assertThat(((OverloadedException) e).retryAfterSeconds()).isBetween(1, 60));
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));   // past the late request's 20 ms, within the others' 10 s
            listener.release();
            assertThat(first(first, 0)).isEqualTo("Hello.");
            assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(OverloadedException.class).hasMessageContaining("deadline");
            assertThat(first(waiting, 0)).isEqualTo("the house is big");
        }
        // closed: the worker has finished and reported every batch it decoded
        assertThat(listener.batches).extracting(Batch::texts).containsExactly(1, 1);   // the late request was never decoded
    }
}

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DynamicBatcherTest {
    static Seq2SeqModel model;
    static final List<String> TEXTS = List.of("el gato come pescado", "la casa es grande", "Hola.", "Gracias.",
            "el niño lee un libro", "¿Dónde está el tren?");
    static final DecodingOptions GREEDY = DecodingOptions.greedy(30);

    @BeforeAll
    static void load() {
        model = new Seq2SeqModel(BundleReader.load(Path.of("src/test/resources/tiny-models/es-en")));
    }

    record Batch(int texts, int requests) {}

    @Test
    void concurrentRequestsAreDecodedTogetherWithTheSameResults() throws Exception {
        List<Batch> batches = new CopyOnWriteArrayList<>();
        try (var batcher = new DynamicBatcher(model, 32, 200, 100,
                (m, texts, requests, wait, decode, tokens) -> batches.add(new Batch(texts, requests)))) {
            List<CompletableFuture<List<List<Seq2SeqModel.Generation>>>> futures = new ArrayList<>();
            for (String text : TEXTS) {
                futures.add(batcher.submit(List.of(text), GREEDY, 10_000));
            }
            futures.add(batcher.submit(TEXTS.subList(0, 3), GREEDY, 10_000));   // a multi-text request joins too
            for (int i = 0; i < TEXTS.size(); i++) {
                String alone = model.generate(List.of(TEXTS.get(i)), GREEDY).get(0).get(0).text();
                assertThat(futures.get(i).get(10, TimeUnit.SECONDS).get(0).get(0).text()).isEqualTo(alone);
            }
            var multi = futures.get(TEXTS.size()).get(10, TimeUnit.SECONDS);
            assertThat(multi).hasSize(3);
            assertThat(multi.get(2).get(0).text()).isEqualTo("Hello.");
        }
        assertThat(batches.stream().mapToInt(Batch::texts).sum()).isEqualTo(TEXTS.size() + 3);
        assertThat(batches.stream().mapToInt(Batch::requests).max().orElse(0)).as("requests sharing a batch").isGreaterThan(1);
    }

    @Test
    void consensusSampledTextsCountTheirSamplesAgainstTheBatchLimit() throws Exception {
        List<Batch> batches = new CopyOnWriteArrayList<>();
        var fourSamples = DecodingOptions.sampling(1.0, 0, 1.0, 3L, 0, 30).withSamples(4);
        try (var batcher = new DynamicBatcher(model, 8, 50, 100,
                (m, texts, requests, wait, decode, tokens) -> batches.add(new Batch(texts, requests)))) {
            var result = batcher.generate(TEXTS.subList(0, 6), fourSamples, 10_000);
            for (int i = 0; i < 6; i++) {
                assertThat(result.get(i).get(0).text()).isEqualTo(model.generate(List.of(TEXTS.get(i)), fourSamples).get(0).get(0).text());
            }
        }
        assertThat(batches).extracting(Batch::texts).containsExactly(2, 2, 2);   // 8 rows: 2 texts of 4 samples each
    }

    @Test
    void aRequestLargerThanABatchIsInterleavedWithTheRequestsThatComeMeanwhile() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        List<int[]> batches = new CopyOnWriteArrayList<>();   // {texts, requests} of each batch, in order
        BatchListener holdFirst = (m, texts, requests, wait, decode, tokens) -> {
            batches.add(new int[] {texts, requests});
            busy.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        List<String> heavy = List.of("la casa es grande", "el gato come pescado", "Hola.", "Gracias.", "la casa es grande", "Hola.");
        try (var batcher = new DynamicBatcher(model, 2, 0, 10, holdFirst)) {
            var big = batcher.submit(heavy, GREEDY, 10_000);
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();   // its first two texts are decoded
            var light = batcher.submit(List.of("Gracias."), GREEDY, 10_000);
            release.countDown();
            assertThat(light.get(10, TimeUnit.SECONDS).get(0).get(0).text())
                    .isEqualTo(model.generate(List.of("Gracias."), GREEDY).get(0).get(0).text());
            var all = big.get(10, TimeUnit.SECONDS);
            assertThat(all).hasSize(6);
            for (int i = 0; i < heavy.size(); i++) {   // every text in its place
                assertThat(all.get(i).get(0).text()).isEqualTo(model.generate(List.of(heavy.get(i)), GREEDY).get(0).get(0).text());
            }
        }
        // the light request went into the second batch, not after the whole heavy one
        assertThat(batches.get(1)).containsExactly(2, 2);
        assertThat(batches.stream().mapToInt(b -> b[0]).sum()).isEqualTo(7);
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
        try (var batcher = new DynamicBatcher(model, 1, 0, 0, 8, 2, hold)) {
            var first = batcher.submit(List.of("Hola."), GREEDY, 10_000);
            var second = batcher.submit(List.of("Gracias."), GREEDY, 10_000);
            // one worker alone would hold the second request behind the first until release
            assertThat(bothBusy.await(10, TimeUnit.SECONDS)).as("both batches decoded at once").isTrue();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).get(0).get(0).text()).isEqualTo("Hello.");
            assertThat(second.get(10, TimeUnit.SECONDS).get(0).get(0).text()).isEqualTo("Thank you.");
        }
        assertThat(threads).containsExactlyInAnyOrder("batcher-es-en-1", "batcher-es-en-2");
    }

    @Test
    void aLoneRequestIsFlushedAfterTheDelay() throws Exception {
        try (var batcher = new DynamicBatcher(model, 32, 50, 100, BatchListener.NONE)) {
            long start = System.nanoTime();
            var result = batcher.generate(List.of("Gracias."), GREEDY, 10_000);
            double ms = (System.nanoTime() - start) / 1e6;
            assertThat(result.get(0).get(0).text()).isEqualTo("Thank you.");
            assertThat(ms).as("waited for the delay, not for a full batch").isGreaterThanOrEqualTo(45).isLessThan(5_000);
        }
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
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        List<Integer> decoded = new CopyOnWriteArrayList<>();
        BatchListener blocking = (m, texts, requests, wait, decode, tokens) -> {
            decoded.add(texts);
            busy.countDown();
            try {
                release.await();   // holds the worker after its first batch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        try (var batcher = new DynamicBatcher(model, 1, 0, 0, 2, blocking, now::get)) {
            var first = batcher.submit(List.of("Hola."), GREEDY, 10_000);
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            var late = batcher.submit(List.of("Gracias."), GREEDY, 20);
            var waiting = batcher.submit(List.of("la casa es grande"), GREEDY, 10_000);
            assertThatThrownBy(() -> batcher.submit(List.of("el gato come pescado"), GREEDY, 10_000))
                    .isInstanceOf(OverloadedException.class).hasMessageContaining("queue limit")
                    .satisfies(e -> assertThat(((OverloadedException) e).retryAfterSeconds()).isBetween(1, 60));
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));   // past the late request's 20 ms, within the others' 10 s
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).get(0).get(0).text()).isEqualTo("Hello.");
            assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(OverloadedException.class).hasMessageContaining("deadline");
            assertThat(waiting.get(10, TimeUnit.SECONDS).get(0).get(0).text()).isEqualTo("the house is big");
        }
        // closed: the worker has finished and reported every batch it decoded
        assertThat(decoded).containsExactly(1, 1);   // the late request was never decoded
    }
}

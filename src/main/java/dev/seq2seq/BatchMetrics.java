package dev.seq2seq;

import dev.seq2seq.serving.BatchListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Batching metrics per model, at {@code /actuator/prometheus}: batch size (texts), queue wait,
 * decode time, and the tokens of the outputs returned (its rate is output tokens per second; with
 * consensus decoding the samples not chosen are not counted).
 */
final class BatchMetrics implements BatchListener {
    private final MeterRegistry registry;

    BatchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void batchDone(String model, int texts, int requests, long waitNanos, long decodeNanos, long targetTokens) {
        DistributionSummary.builder("seq2seq.batch.size").tag("model", model).description("texts decoded together")
                .publishPercentileHistogram().register(registry).record(texts);
        if (requests > 0) {   // a batch that only continues requests started before has no queue wait to tell
            Timer.builder("seq2seq.queue.wait").tag("model", model).description("longest queue wait of the requests a batch started")
                    .publishPercentileHistogram().register(registry).record(waitNanos, TimeUnit.NANOSECONDS);
        }
        Timer.builder("seq2seq.decode").tag("model", model).description("decoding time of one batch")
                .publishPercentileHistogram().register(registry).record(decodeNanos, TimeUnit.NANOSECONDS);
        Counter.builder("seq2seq.tokens.generated").tag("model", model).description("target tokens of the outputs returned (chosen samples only)")
                .register(registry).increment(targetTokens);
    }
}

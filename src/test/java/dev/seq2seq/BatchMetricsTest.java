package dev.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class BatchMetricsTest {

    @Test
    void aBatchThatOnlyContinuesStartedRequestsAddsNoQueueWait() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BatchMetrics metrics = new BatchMetrics(registry);
        metrics.batchDone("es-en", 2, 1, 5_000_000, 1_000_000, 7);   // a request's first texts, after 5 ms in the queue
        metrics.batchDone("es-en", 2, 0, 0, 1_000_000, 6);           // its next texts: no request started here
        assertThat(registry.get("seq2seq.queue.wait").timer().count()).isEqualTo(1);
        assertThat(registry.get("seq2seq.batch.size").summary().count()).isEqualTo(2);
        assertThat(registry.get("seq2seq.tokens.generated").counter().count()).isEqualTo(13);
    }
}

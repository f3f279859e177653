package dev.seq2seq;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Settings that would break every request are refused at start, naming the property. */
class ServicePropertiesTest {
    @Test
    void limitsBelowOneAreRefusedByName() {
        assertThatThrownBy(() -> new ServiceProperties.Chat(1000, Duration.ofMinutes(1), 0))
                .hasMessage("seq2seq.chat.max-turns-kept must be at least 1, not 0");
        assertThatThrownBy(() -> new ServiceProperties.Limits(5000, -1, DataSize.ofMegabytes(2)))
                .hasMessageContaining("seq2seq.limits.max-texts");
        assertThatThrownBy(() -> new ServiceProperties.Batching(0, Duration.ofMillis(5), 256, Duration.ofSeconds(30)))
                .hasMessageContaining("seq2seq.batching.max-batch");
    }
}

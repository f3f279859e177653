package dev.seq2seq;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** Settings that would break every request are refused at start, naming the property. */
class ServicePropertiesTest {
    @Test
    void limitsBelowOneAreRefusedByName() {
        assertThatThrownBy(() -> new ServiceProperties.Chat(1000, Duration.ofMinutes(1), 0))
                .hasMessage("seq2seq.chat.max-turns-kept must be at least 1, not 0");
        assertThatThrownBy(() -> new ServiceProperties.Limits(5000, -1, DataSize.ofMegabytes(2), 20000, 8, 5, 16))
                .hasMessageContaining("seq2seq.limits.max-texts");
        assertThatThrownBy(() -> new ServiceProperties.Limits(5000, 50, DataSize.ofMegabytes(2), 20000, 0, 5, 16))
                .hasMessageContaining("seq2seq.limits.max-beam-size");
        assertThatThrownBy(() -> new ServiceProperties.Batching(0, Duration.ofMillis(5), 256, Duration.ofSeconds(30), Duration.ofMillis(200), 0))
                .hasMessageContaining("seq2seq.batching.max-batch");
    }

    @Test
    void theWorkLimitsHaveSafeDefaults() {
        var limits = new Binder(new MapConfigurationPropertySource(Map.of("seq2seq.limits.max-beam-size", "4")))
                .bindOrCreate("seq2seq", ServiceProperties.class).limits().work();
        org.assertj.core.api.Assertions.assertThat(limits).isEqualTo(new dev.seq2seq.request.WorkLimits(5000, 50, 20000, 4, 5, 16));
    }

    @Test
    void bindingTheSettingsAsAtStartFailsWithTheSameMessage() {
        var source = new MapConfigurationPropertySource(Map.of("seq2seq.chat.max-turns-kept", "0"));
        assertThatThrownBy(() -> new Binder(source).bind("seq2seq", ServiceProperties.class))
                .hasRootCauseMessage("seq2seq.chat.max-turns-kept must be at least 1, not 0");
    }
}

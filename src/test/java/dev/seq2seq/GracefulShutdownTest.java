package dev.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/** Shutting down (what SIGTERM does): readiness refuses traffic, the request in flight still gets its answer. */
class GracefulShutdownTest {
    @Test
    void aRequestInFlightIsAnsweredAndReadinessRefusesTrafficOnShutdown() throws Exception {
        List<Object> readiness = new CopyOnWriteArrayList<>();
        SpringApplication app = new SpringApplication(Application.class);
        app.setAdditionalProfiles("test");
        app.setDefaultProperties(Map.of("server.port", "0", "seq2seq.batching.max-batch", "1"));
        app.addListeners((ApplicationListener<AvailabilityChangeEvent<?>>) e -> {
            if (e.getState() instanceof ReadinessState state) {
                readiness.add(state);
            }
        });
        ConfigurableApplicationContext context = app.run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        MeterRegistry meters = context.getBean(MeterRegistry.class);

        // 40 texts decoded one per batch: in flight for many batches
        StringBuilder q = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            q.append(i == 0 ? "" : ",").append("\"la casa es grande y el gato come pescado\"");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/translate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"q\": " + q + "], \"source\": \"es\", \"target\": \"en\"}")).build();
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (batches(meters) < 2 && System.nanoTime() < deadline) {   // wait for the decoding to be under way
            Thread.onSpinWait();
        }
        assertThat(batches(meters)).as("the request is being decoded").isGreaterThanOrEqualTo(2);
        assertThat(inFlight).isNotDone();

        context.close();   // what the JVM's shutdown hook does on SIGTERM

        HttpResponse<String> answer = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new tools.jackson.databind.json.JsonMapper().readTree(answer.body()).get("translatedText").size()).isEqualTo(40);
        assertThat(readiness).contains(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(readiness.get(readiness.size() - 1)).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
    }

    private static long batches(MeterRegistry meters) {
        var summary = meters.find("seq2seq.batch.size").summary();
        return summary == null ? 0 : summary.count();
    }
}

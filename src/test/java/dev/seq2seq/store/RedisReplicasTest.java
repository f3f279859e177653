package dev.seq2seq.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.Application;
import dev.seq2seq.auth.TestKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the service (two application contexts on their own ports, each with its own
 * Redis connection) sharing one real redis-server, called over HTTP as a load balancer would.
 */
class RedisReplicasTest {
    static final String STORE = "target/redis-replicas-test/keys.json";
    static RedisServer redis;
    static String key;
    static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    static String a;
    static String b;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startRedisAndTwoReplicas() {
        redis = RedisServer.startOrSkip();
        key = TestKeys.fresh(STORE, "three-a-minute", 3);
        a = start();
        b = start();
    }

    static String start() {
        var context = new SpringApplicationBuilder(Application.class).profiles("test").run(
                "--server.port=0", "--seq2seq.store=redis", "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + redis.port(), "--seq2seq.auth.mode=optional", "--seq2seq.auth.store=" + STORE,
                "--management.endpoint.health.show-components=always");
        replicas.add(context);
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopAll() {
        replicas.forEach(ConfigurableApplicationContext::close);
        if (redis != null) {
            redis.close();
        }
    }

    static HttpResponse<String> post(String base, String path, String json, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    static HttpResponse<String> get(String base, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    @Test
    void aConversationBegunOnOneReplicaContinuesOnTheOtherAndConcurrentTurnsAreAllKept() throws Exception {
        var first = post(a, "/chat", "{\"message\": \"hello\", \"language\": \"en\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String id = field(first.body(), "conversationId");
        var second = post(b, "/chat", "{\"message\": \"how are you\", \"conversationId\": \"" + id + "\"}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(field(second.body(), "turn")).isEqualTo("2");
        assertThat(field(second.body(), "language")).isEqualTo("en");

        // eight messages to the same conversation at once, half through each replica
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String base = i % 2 == 0 ? a : b;
            String message = "message " + i;
            replies.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                go.await();
                return post(base, "/chat", "{\"message\": \"" + message + "\", \"conversationId\": \"" + id + "\"}");
            }));
        }
        go.countDown();
        List<Integer> turns = new ArrayList<>();
        for (var reply : replies) {
            assertThat(reply.get().statusCode()).as(reply.get().body()).isEqualTo(200);
            turns.add(Integer.parseInt(field(reply.get().body(), "turn")));
        }
        pool.shutdown();
        assertThat(turns).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(3, 10).boxed().toList());
        var conversation = get(a, "/chat/" + id);
        assertThat(conversation.statusCode()).isEqualTo(200);
        for (int i = 0; i < 8; i++) {
            assertThat(conversation.body()).contains("\"message\":\"message " + i + "\"");
        }
        assertThat(conversation.body()).contains("\"turn\":10");
        assertThat(send(HttpRequest.newBuilder(URI.create(b + "/chat/" + id)).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(get(a, "/chat/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aKeyLimitedToThreeRequestsAMinuteGets429AtTheFourthOverBothReplicas() {
        String body = "{\"q\": \"hola\", \"source\": \"es\", \"target\": \"en\"}";
        for (String base : List.of(a, b, a)) {
            var ok = post(base, "/translate", body, "X-API-Key", key);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        }
        for (String base : List.of(b, a)) {
            var refused = post(base, "/translate", body, "X-API-Key", key);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.body()).contains("over the requests per minute of this client (3)");
        }
    }

    @Test
    void withRedisAwayAReplicaTranslatesAnswersChatAndLimitedRequestsWith503AndRecoversByItself() {
        var before = post(a, "/chat", "{\"message\": \"hello\", \"language\": \"en\"}");
        assertThat(before.statusCode()).isEqualTo(200);
        String id = field(before.body(), "conversationId");
        redis.stop();
        try {
            for (String base : List.of(a, b)) {
                var chat = post(base, "/chat", "{\"message\": \"hello\", \"language\": \"en\"}");
                assertThat(chat.statusCode()).as(chat.body()).isEqualTo(503);
                assertThat(chat.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(chat.headers().firstValue("Retry-After")).isPresent();
                assertThat(chat.body()).contains("conversations are kept in Redis, which cannot be reached now").doesNotContain("Exception");
                assertThat(get(base, "/chat/" + id).statusCode()).isEqualTo(503);

                var translate = post(base, "/translate", "{\"q\": \"hola\", \"source\": \"es\", \"target\": \"en\"}");
                assertThat(translate.statusCode()).as("translation needs no shared state").isEqualTo(200);
                var limited = post(base, "/translate", "{\"q\": \"hola\", \"source\": \"es\", \"target\": \"en\"}", "X-API-Key", key);
                assertThat(limited.statusCode()).as(limited.body()).isEqualTo(503);
                assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                assertThat(limited.body()).contains("rate limits are kept in a shared store that cannot be reached").doesNotContain("Exception");

                var health = get(base, "/actuator/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("\"redis\":{\"status\":\"DOWN\"");
                assertThat(get(base, "/actuator/health/readiness").statusCode()).isEqualTo(503);
                assertThat(get(base, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            }
        } finally {
            redis.start();
        }
        for (String base : List.of(a, b)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            HttpResponse<String> chat = post(base, "/chat", "{\"message\": \"hello again\", \"language\": \"en\"}");
            while (chat.statusCode() == 503 && System.nanoTime() < deadline) {
                chat = post(base, "/chat", "{\"message\": \"hello again\", \"language\": \"en\"}");
            }
            assertThat(chat.statusCode()).as("chat on %s after Redis came back: %s", base, chat.body()).isEqualTo(200);
            assertThat(get(base, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(get(base, "/actuator/health").body()).contains("\"redis\":{\"status\":\"UP\"");
        }
    }
}

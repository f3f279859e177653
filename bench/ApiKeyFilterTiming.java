import dev.seq2seq.api.ApiKeyFilter;
import dev.seq2seq.auth.ApiKeyStore;
import dev.seq2seq.auth.ApiKeys;
import dev.seq2seq.auth.RateLimiter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What the API-key filter costs per request, in process (bench/auth-filter.sh runs it against the
 * built jar's classes): the whole filter on a /translate body without a key and with one (mode
 * optional, Spring's mock request and response), its parts (SHA-256 of the key, the key lookup
 * with its refresh check, the token bucket, the metric), and the two file operations of the
 * 5-second refresh (writing last use back, reading the file again after a change).
 * Each line: the median of five rounds, in nanoseconds per operation.
 */
public class ApiKeyFilterTiming {
    static volatile Object sink;

    interface Op {
        void run() throws Exception;
    }

    static void time(String name, int n, Op op) throws Exception {
        for (int i = 0; i < n; i++) {
            op.run();   // warm-up: let the JIT compile it first
        }
        long[] rounds = new long[5];
        for (int r = 0; r < rounds.length; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                op.run();
            }
            rounds[r] = (System.nanoTime() - t0) / n;
        }
        Arrays.sort(rounds);
        System.out.printf("%-62s %,10d ns (min %,d, max %,d)%n", name, rounds[2], rounds[0], rounds[4]);
    }

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempDirectory("key-timing").resolve("keys.json");
        ApiKeyStore store = new ApiKeyStore(file);
        String key = store.add("timing", Integer.MAX_VALUE, 0);
        ApiKeys keys = new ApiKeys(store, Duration.ofSeconds(5), Clock.systemUTC());
        RateLimiter limiter = new RateLimiter();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ApiKeyFilter filter = new ApiKeyFilter(ApiKeyFilter.Mode.OPTIONAL, keys, limiter, new ApiKeyFilter.Anonymous(0, 0, false), meters);
        byte[] body = "{\"q\": \"¿Dónde está la estación de tren más cercana?\", \"source\": \"es\", \"target\": \"en\"}"
                .getBytes(StandardCharsets.UTF_8);
        int n = 100_000;
        time("mock request, response and chain alone", n, () -> {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/translate");
            request.setContentType("application/json");
            request.setContent(body);
            sink = new MockFilterChain();
            sink = new MockHttpServletResponse();
        });
        for (String k : new String[] {null, key}) {
            time("the filter, " + (k == null ? "no key" : "with a key") + " (with the mocks)", n, () -> {
                MockHttpServletRequest request = new MockHttpServletRequest("POST", "/translate");
                request.setContentType("application/json");
                request.setContent(body);
                if (k != null) {
                    request.addHeader("X-API-Key", k);
                }
                MockHttpServletResponse response = new MockHttpServletResponse();
                filter.doFilter(request, response, new MockFilterChain());
                if (response.getStatus() != 200) {
                    throw new IllegalStateException("status " + response.getStatus());
                }
            });
        }
        time("ApiKeyStore.sha256(key)", n, () -> sink = ApiKeyStore.sha256(key));
        time("ApiKeys.authenticate(key) (hash, lookup, refresh check)", n, () -> sink = keys.authenticate(key));
        time("RateLimiter.consume, a key with a limit", n, () -> sink = limiter.consume("key timing", Integer.MAX_VALUE, 0, 1, 50));
        time("RateLimiter.consume, no limit", n, () -> sink = limiter.consume("address 127.0.0.1", 0, 0, 1, 50));
        time("meters.counter(name, key, ...).increment()", n, () -> meters.counter("seq2seq.auth.requests", "key", "timing").increment());
        time("every 5 s: ApiKeyStore.touch (last use: lock, write, move)", 200, () -> store.touch(Map.of("timing", Instant.now())));
        time("every 5 s after a change: ApiKeyStore.list (read the file)", 2_000, () -> sink = store.list());
        time("every 5 s: Files.getLastModifiedTime (has it changed?)", 20_000, () -> sink = Files.getLastModifiedTime(file));
    }
}

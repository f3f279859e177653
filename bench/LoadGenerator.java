import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: N clients each send one sentence per request, the next as soon as the answer
 * arrives, for a fixed time. Prints one line per concurrency: requests/s, p50, p99, errors, 503s.
 *
 *   java bench/LoadGenerator.java KIND URL SENTENCES.tsv COLUMN SECONDS CLIENTS...
 *   KIND: service (POST JSON {"q", "source": "es", "target": "en"} to /translate), apy (POST form
 *   langpair=spa|eng&q=...) or chat (POST JSON {"message", "language"} to /chat; the language is
 *   $CHAT_LANGUAGE, default en, and $CHAT_SAMPLES, when set, is sent as "samples"), or get (GET the
 *   URL, the sentences unused); $API_KEY, when set, is sent as X-API-Key (service and chat).
 *   URL may be several, comma-separated: the requests go to them in turn (replicas without a load balancer).
 */
public class LoadGenerator {
    /** The request with $API_KEY as an X-API-Key header, where it is set. */
    static HttpRequest.Builder keyed(HttpRequest.Builder builder) {
        String key = System.getenv("API_KEY");
        return key == null || key.isBlank() ? builder : builder.header("X-API-Key", key);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: java bench/LoadGenerator.java service|apy|chat|get URL[,URL...] SENTENCES.tsv COLUMN SECONDS CLIENTS...");
            System.exit(2);
        }
        String kind = args[0];
        List<URI> uris = Arrays.stream(args[1].split(",")).map(URI::create).toList();
        AtomicInteger nextUri = new AtomicInteger();
        int column = Integer.parseInt(args[3]);
        List<String> sentences = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8).stream()
                .map(l -> l.split("\t")).filter(f -> f.length >= column).map(f -> f[column - 1]).toList();
        int seconds = Integer.parseInt(args[4]);
        String chatLanguage = System.getenv().getOrDefault("CHAT_LANGUAGE", "en");
        String chatSamples = System.getenv("CHAT_SAMPLES");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newCachedThreadPool()).build();
        System.out.printf("%-8s %8s %10s %9s %9s %7s %6s%n", "system", "clients", "req/s", "p50 ms", "p99 ms", "errors", "503s");
        for (int a = 5; a < args.length; a++) {
            int clients = Integer.parseInt(args[a]);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            AtomicInteger busy = new AtomicInteger();
            AtomicLong done = new AtomicLong();
            List<long[]> latencies = new ArrayList<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                long[][] mine = {new long[1024]};
                int[] count = {0};
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        String s = sentences.get(Math.floorMod(next.getAndIncrement(), sentences.size()));
                        URI uri = uris.get(Math.floorMod(nextUri.getAndIncrement(), uris.size()));
                        HttpRequest request = kind.equals("get") ? HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build()
                                : kind.equals("apy")
                                ? HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString("langpair=spa%7Ceng&q=" + URLEncoder.encode(s, StandardCharsets.UTF_8))).build()
                                : keyed(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json"))
                                        .POST(HttpRequest.BodyPublishers.ofString(kind.equals("chat")
                                                ? "{\"message\": " + json(s) + ", \"language\": " + json(chatLanguage)
                                                        + (chatSamples != null ? ", \"samples\": " + Integer.parseInt(chatSamples) : "") + "}"
                                                : "{\"q\": " + json(s) + ", \"source\": \"es\", \"target\": \"en\"}")).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                            long ns = System.nanoTime() - t0;
                            if (r.statusCode() == 200) {
                                if (count[0] == mine[0].length) mine[0] = Arrays.copyOf(mine[0], 2 * mine[0].length);
                                mine[0][count[0]++] = ns;
                                done.incrementAndGet();
                            } else if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()
                                    && r.body().contains("\"status\":503")) {
                                busy.incrementAndGet();   // a polite refusal: problem+json with Retry-After
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    synchronized (latencies) { latencies.add(Arrays.copyOf(mine[0], count[0])); }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) t.join();
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            double p50 = all.length == 0 ? Double.NaN : all[all.length / 2] / 1e6;
            double p99 = all.length == 0 ? Double.NaN : all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.99))] / 1e6;
            System.out.printf("%-8s %8d %10.1f %9.1f %9.1f %7d %6d%n", kind, clients, done.get() / (double) seconds, p50, p99, errors.get(), busy.get());
        }
        System.exit(0);
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}

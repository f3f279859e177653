import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fairness: a light client sends one sentence at a time, first alone, then while a heavy client
 * sends the heaviest requests the service allows back to back (TEXTS sentences per request, beam
 * BEAM, ALTERNATIVES alternatives). Prints the light client's p50 and p99 in both phases and the
 * ratio of the p99s (the target: at most 2).
 *
 *   java bench/Fairness.java URL SENTENCES.tsv COLUMN SECONDS [TEXTS BEAM ALTERNATIVES]
 */
public class Fairness {
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int column = Integer.parseInt(args[2]);
        List<String> sentences = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .map(l -> l.split("\t")).filter(f -> f.length >= column).map(f -> f[column - 1]).toList();
        int seconds = Integer.parseInt(args[3]);
        int texts = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        int beam = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        int alternatives = args.length > 6 ? Integer.parseInt(args[6]) : 5;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<Long> alone = light(http, uri, sentences, seconds, null);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger heavyDone = new AtomicInteger();
        AtomicInteger heavyFailed = new AtomicInteger();
        StringBuilder q = new StringBuilder("[");
        for (int i = 0; i < texts; i++) {
            q.append(i == 0 ? "" : ",").append(json(sentences.get(i % sentences.size())));
        }
        String heavyBody = "{\"q\": " + q + "], \"source\": \"es\", \"target\": \"en\", \"beamSize\": " + beam
                + ", \"alternatives\": " + alternatives + "}";
        Thread heavy = new Thread(() -> {
            while (!stop.get()) {
                try {
                    var r = http.send(post(uri, heavyBody), HttpResponse.BodyHandlers.ofString());
                    (r.statusCode() == 200 ? heavyDone : heavyFailed).incrementAndGet();
                } catch (Exception e) {
                    heavyFailed.incrementAndGet();
                }
            }
        });
        heavy.start();
        Thread.sleep(1000);   // the heavy client is busy before the light one starts
        List<Long> shared = light(http, uri, sentences, seconds, stop);
        heavy.join();
        System.out.printf("heavy client: %d texts per request, beam %d, %d alternatives: %d requests done, %d failed%n",
                texts, beam, alternatives, heavyDone.get(), heavyFailed.get());
        System.out.printf("light client alone:          %d requests, p50 %d ms, p99 %d ms%n", alone.size(), pct(alone, 50), pct(alone, 99));
        System.out.printf("light client with the heavy: %d requests, p50 %d ms, p99 %d ms%n", shared.size(), pct(shared, 50), pct(shared, 99));
        System.out.printf("p99 ratio %.2f (target <= 2)%n", pct(shared, 99) / (double) Math.max(1, pct(alone, 99)));
    }

    private static List<Long> light(HttpClient http, URI uri, List<String> sentences, int seconds, AtomicBoolean stopWhenDone)
            throws Exception {
        List<Long> ms = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; System.nanoTime() < end; i++) {
            String body = "{\"q\": " + json(sentences.get(i % sentences.size())) + ", \"source\": \"es\", \"target\": \"en\"}";
            long t0 = System.nanoTime();
            var r = http.send(post(uri, body), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                ms.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        if (stopWhenDone != null) {
            stopWhenDone.set(true);
        }
        return ms;
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}

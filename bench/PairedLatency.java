import java.net.URI;
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

/**
 * One client, two services side by side: each sentence goes to A and to B, one right after the
 * other (which one first alternates), so both see the same sentences under the same load on the
 * host. Prints each side's p50 and p99 and the median of the per-sentence differences B - A with a
 * 95% interval (sign-test ranks): drift of the host over the run cancels out of it, which it does
 * not when the two are measured one after the other.
 *
 *   java bench/PairedLatency.java URL_A URL_B SENTENCES.tsv COLUMN SECONDS
 *   POSTs {"q", "source": "es", "target": "en"}; $API_KEY, when set, is sent to B only, as X-API-Key.
 */
public class PairedLatency {
    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: java bench/PairedLatency.java URL_A URL_B SENTENCES.tsv COLUMN SECONDS");
            System.exit(2);
        }
        URI a = URI.create(args[0]);
        URI b = URI.create(args[1]);
        int column = Integer.parseInt(args[3]);
        List<String> sentences = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8).stream()
                .map(l -> l.split("\t")).filter(f -> f.length >= column).map(f -> f[column - 1]).toList();
        long end = System.nanoTime() + Integer.parseInt(args[4]) * 1_000_000_000L;
        String key = System.getenv("API_KEY");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<long[]> pairs = new ArrayList<>();
        int errors = 0;
        for (int i = 0; System.nanoTime() < end; i++) {
            String body = "{\"q\": " + json(sentences.get(i % sentences.size())) + ", \"source\": \"es\", \"target\": \"en\"}";
            long[] pair = new long[2];
            boolean ok = true;
            for (int turn = 0; turn < 2; turn++) {
                int side = (turn + i) % 2;   // A first on even sentences, B first on odd ones
                HttpRequest.Builder request = HttpRequest.newBuilder(side == 0 ? a : b).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
                if (side == 1 && key != null && !key.isBlank()) {
                    request.header("X-API-Key", key);
                }
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                pair[side] = System.nanoTime() - t0;
                ok &= r.statusCode() == 200;
            }
            if (ok) {
                pairs.add(pair);
            } else {
                errors++;
            }
        }
        int n = pairs.size();
        long[] sa = pairs.stream().mapToLong(p -> p[0]).sorted().toArray();
        long[] sb = pairs.stream().mapToLong(p -> p[1]).sorted().toArray();
        long[] d = pairs.stream().mapToLong(p -> p[1] - p[0]).sorted().toArray();
        int half = (int) Math.ceil(1.96 * Math.sqrt(n) / 2);
        System.out.printf("pairs %d, errors %d%n", n, errors);
        System.out.printf("A: p50 %.1f ms, p99 %.1f ms%nB: p50 %.1f ms, p99 %.1f ms%n", ms(sa, 0.5), ms(sa, 0.99), ms(sb, 0.5), ms(sb, 0.99));
        System.out.printf("B - A per sentence: median %+.2f ms (95%% interval %+.2f to %+.2f ms)%n",
                d[n / 2] / 1e6, d[Math.max(0, n / 2 - half)] / 1e6, d[Math.min(n - 1, n / 2 + half)] / 1e6);
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

    static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * q))] / 1e6;
    }
}

package dev.seq2seq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Random requests built from the spec's request fields, each given a random value of a random
 * type (strings of every script and length, numbers out of every range, booleans, nulls, arrays,
 * objects), in JSON and form bodies: thousands per run, from a fixed seed so a failure repeats.
 * Every answer is a success or a 4xx problem+json.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RandomRequestTest {
    private static final List<String> FIELDS = List.of("q", "source", "target", "format", "alternatives", "api_key",
            "beamSize", "maxLength", "returnScores", "keep", "glossary", "message", "language", "conversationId",
            "temperature", "topK", "topP", "samples", "seed");
    private static final List<String> STRINGS = List.of("", " ", "hola", "la casa es grande", "auto", "es", "en", "ko", "xx",
            "안녕하세요", "\u0000", "\ud800", "😀", "ABC123", "../..", "%2e%2e", "null", "-1", "1e999", "text", "html");
    private static final int REQUESTS = 3000;

    @Autowired
    MockMvc mvc;

    @Test
    void randomRequestsFromTheSpecsFieldsNeverGetA5xx() throws Exception {
        Random random = new Random(20261204);
        String[] paths = {"/translate", "/detect", "/chat"};
        int ok = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String path = paths[random.nextInt(paths.length)];
            boolean form = random.nextInt(4) == 0;
            StringBuilder body = new StringBuilder(form ? "" : "{");
            int fields = random.nextInt(6);
            for (int f = 0; f < fields; f++) {
                String name = FIELDS.get(random.nextInt(FIELDS.size()));
                if (form) {
                    body.append(f == 0 ? "" : "&").append(name).append('=')
                            .append(java.net.URLEncoder.encode(String.valueOf(scalar(random)), java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    body.append(f == 0 ? "" : ",").append(json(name)).append(':').append(value(random, 0));
                }
            }
            if (!form) {
                body.append('}');
            }
            MvcResult result = mvc.perform(post(path).contentType(form ? MediaType.APPLICATION_FORM_URLENCODED : MediaType.APPLICATION_JSON)
                    .content(body.toString())).andReturn();
            int status = result.getResponse().getStatus();
            String what = path + " " + body;
            assertThat(status).as(what).isLessThan(500);
            if (status >= 400) {
                assertThat(result.getResponse().getContentType()).as(what).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            } else {
                ok++;
            }
        }
        assertThat(ok).as("some random requests are valid and answered").isGreaterThan(0);
    }

    private static Object scalar(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(200) - 50;
            case 1 -> random.nextDouble() * 3 - 1;
            case 2 -> random.nextBoolean();
            default -> STRINGS.get(random.nextInt(STRINGS.size())) + (random.nextInt(20) == 0 ? "x".repeat(random.nextInt(6000)) : "");
        };
    }

    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 5 : 8);
        return switch (kind) {
            case 0 -> String.valueOf(random.nextInt(200) - 50);
            case 1 -> String.valueOf(random.nextDouble() * 3 - 1);
            case 2 -> random.nextBoolean() ? "true" : "false";
            case 3 -> "null";
            case 4 -> json(String.valueOf(scalar(random)));
            case 5 -> {
                StringBuilder a = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int k = 0; k < n; k++) {
                    a.append(k == 0 ? "" : ",").append(value(random, depth + 1));
                }
                yield a.append(']').toString();
            }
            case 6 -> "{" + json("a") + ":" + value(random, depth + 1) + "}";
            default -> json(STRINGS.get(random.nextInt(STRINGS.size())));
        };
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}

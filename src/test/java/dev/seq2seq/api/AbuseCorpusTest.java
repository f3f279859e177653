package dev.seq2seq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A corpus of bad and abusive requests, generated as every combination of endpoint, body and
 * content type (over 700 cases): each answer is a success or a 4xx problem+json, never a 5xx, and
 * the service still translates after all of them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AbuseCorpusTest {
    @Autowired
    MockMvc mvc;

    private static final List<byte[]> BODIES = new ArrayList<>();
    private static final List<String> NAMES = new ArrayList<>();

    static {
        body("empty", "");
        body("open brace", "{");
        body("array", "[]");
        body("null", "null");
        body("number", "123");
        body("string", "\"hola\"");
        body("trailing garbage", "{\"q\": \"hola\", \"target\": \"en\"}x");
        body("q null", "{\"q\": null, \"target\": \"en\"}");
        body("q object", "{\"q\": {}, \"target\": \"en\"}");
        body("q nested arrays", "{\"q\": [[\"hola\"]], \"target\": \"en\"}");
        body("q array of null", "{\"q\": [null], \"target\": \"en\"}");
        body("deep nesting", "{\"q\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        body("huge number", "{\"q\": \"hola\", \"target\": \"en\", \"beamSize\": 1e999}");
        body("negative beam", "{\"q\": \"hola\", \"target\": \"en\", \"beamSize\": -1}");
        body("boolean alternatives", "{\"q\": \"hola\", \"target\": \"en\", \"alternatives\": true}");
        body("target number", "{\"q\": \"hola\", \"target\": 123}");
        body("unknown languages", "{\"q\": \"hola\", \"source\": \"xx\", \"target\": \"yy\"}");
        body("duplicate keys", "{\"q\": \"hola\", \"q\": \"adios\", \"target\": \"en\"}");
        body("message number", "{\"message\": 5}");
        body("temperature string", "{\"message\": \"hi\", \"temperature\": \"hot\"}");
        body("samples zero", "{\"message\": \"hi\", \"samples\": 0}");
        body("path-like conversation", "{\"message\": \"hi\", \"conversationId\": \"../../etc/passwd\"}");
        body("control characters", "{\"q\": \"a\\u0000b\\u0007\", \"message\": \"a\\u0000b\", \"target\": \"en\"}");
        body("lone surrogate", "{\"q\": \"\\ud800\", \"message\": \"\\udfff\", \"target\": \"en\"}");
        body("form-like text", "q=hola&source=es&target=en");
        BODIES.add(new byte[] {'{', '"', 'q', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        NAMES.add("invalid UTF-8");
        BODIES.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        NAMES.add("byte order mark");
        body("many texts", "{\"q\": [" + "\"hola\",".repeat(200) + "\"hola\"], \"target\": \"en\"}");
    }

    private static void body(String name, String text) {
        NAMES.add(name);
        BODIES.add(text.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> requests() {
        String[] types = {MediaType.APPLICATION_JSON_VALUE, "application/json;charset=ISO-8859-1", MediaType.TEXT_PLAIN_VALUE,
                MediaType.APPLICATION_XML_VALUE, "multipart/form-data", MediaType.APPLICATION_FORM_URLENCODED_VALUE, null};
        String[] paths = {"/translate", "/detect", "/chat", "/chat/abc", "/languages"};
        List<Arguments> out = new ArrayList<>();
        for (String path : paths) {
            for (String type : types) {
                for (int b = 0; b < BODIES.size(); b++) {
                    out.add(Arguments.of("POST " + path + " " + type + " " + NAMES.get(b), path, type, BODIES.get(b)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void noRequestGetsA5xxAndEveryRefusalIsAProblem(String name, String path, String type, byte[] body) throws Exception {
        MockHttpServletRequestBuilder request = post(path).content(body);
        if (type != null) {
            request = request.contentType(type);
        }
        MvcResult result = mvc.perform(request).andReturn();
        int status = result.getResponse().getStatus();
        assertThat(status).as(name).isLessThan(500);
        if (status >= 400) {
            assertThat(result.getResponse().getContentType()).as(name).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }

    @Test
    void oddMethodsAndPathsAreProblemsTooAndTheServiceStillTranslates() throws Exception {
        for (MockHttpServletRequestBuilder r : List.of(get("/translate"), delete("/translate"), get("/chat/%2e%2e"),
                delete("/chat/" + "x".repeat(5000)), get("/nope"), post("/models"))) {
            MvcResult result = mvc.perform(r).andReturn();
            assertThat(result.getResponse().getStatus()).isBetween(400, 499);
        }
        MvcResult ok = mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON)
                .content("{\"q\": \"la casa es grande\", \"source\": \"es\", \"target\": \"en\"}")).andReturn();
        assertThat(ok.getResponse().getStatus()).isEqualTo(200);
        assertThat(ok.getResponse().getContentAsString()).contains("the house is big");
    }
}

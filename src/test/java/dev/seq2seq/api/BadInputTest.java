package dev.seq2seq.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Everything a client can get wrong is a 4xx problem+json whose detail says what; never a 500. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class BadInputTest {
    @Autowired
    MockMvc mvc;

    static Stream<Arguments> badRequests() {
        String big = "a".repeat(200_000);
        return Stream.of(
                Arguments.of("empty body", json("/translate", ""), 400, "request body is missing"),
                Arguments.of("{}", json("/translate", "{}"), 400, "q is required"),
                Arguments.of("empty q", json("/translate", "{\"q\": \"\", \"source\": \"es\", \"target\": \"en\"}"), 400, "q is empty"),
                Arguments.of("q a number", json("/translate", "{\"q\": 5, \"source\": \"es\", \"target\": \"en\"}"), 400, "q must be a string or an array"),
                Arguments.of("q array of numbers", json("/translate", "{\"q\": [\"hola\", 5], \"target\": \"en\"}"), 400, "q[1] must be a string"),
                Arguments.of("200,000 characters", json("/translate", "{\"q\": \"" + big + "\", \"source\": \"es\", \"target\": \"en\"}"), 400, "200000 characters; the limit is 5000"),
                Arguments.of("51 texts", json("/translate", "{\"q\": [" + "\"hola\",".repeat(50) + "\"hola\"], \"source\": \"es\", \"target\": \"en\"}"), 400, "51 texts; the limit is 50"),
                Arguments.of("unknown target", json("/translate", "{\"q\": \"hola\", \"source\": \"es\", \"target\": \"xx\"}"), 400, "no model translates es->xx"),
                Arguments.of("not a language code", json("/translate", "{\"q\": \"hola\", \"source\": \"Spanish\", \"target\": \"en\"}"), 400, "not an ISO 639-1 code"),
                Arguments.of("same source and target", json("/translate", "{\"q\": \"hola\", \"source\": \"en\", \"target\": \"en\"}"), 400, "source and target are both 'en'"),
                Arguments.of("missing target", json("/translate", "{\"q\": \"hola\", \"source\": \"es\"}"), 400, "target is required"),
                Arguments.of("html format", json("/translate", "{\"q\": \"hola\", \"source\": \"es\", \"target\": \"en\", \"format\": \"html\"}"), 400, "format 'html' is not supported"),
                Arguments.of("too many alternatives", json("/translate", "{\"q\": \"hola\", \"source\": \"es\", \"target\": \"en\", \"alternatives\": 11}"), 400, "alternatives"),
                Arguments.of("beam size over the work limit", json("/translate", "{\"q\": \"hola\", \"source\": \"es\", \"target\": \"en\", \"beamSize\": 9}"), 400, "beamSize must be between 1 and 8, not 9"),
                Arguments.of("alternatives over the work limit", json("/translate", "{\"q\": \"hola\", \"source\": \"es\", \"target\": \"en\", \"alternatives\": 6}"), 400, "alternatives must be between 0 and 5, not 6"),
                Arguments.of("characters in all over the work limit", json("/translate", "{\"q\": [" + ("\"" + "hola ".repeat(900) + "\",").repeat(4) + "\"" + "hola ".repeat(900) + "\"], \"source\": \"es\", \"target\": \"en\"}"), 400, "q has 22500 characters in all; the limit is 20000 per request"),
                Arguments.of("chat samples over the work limit", json("/chat", "{\"message\": \"hello\", \"samples\": 17}"), 400, "samples must be between 1 and 16, not 17"),
                Arguments.of("invalid JSON", json("/translate", "{\"q\": \"hola\", "), 400, "not valid JSON"),
                Arguments.of("unknown quality", json("/translate", "{\"q\": \"hola\", \"source\": \"es\", \"target\": \"en\", \"quality\": \"great\"}"), 400, "quality must be one of fast, best"),
                Arguments.of("unknown quality in a form", post("/translate").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("q=hola&source=es&target=en&quality=great"), 400, "quality must be one of fast, best"),
                Arguments.of("wrong field type", json("/translate", "{\"q\": \"hola\", \"target\": \"en\", \"alternatives\": \"many\"}"), 400, "alternatives"),
                Arguments.of("text/plain body", post("/translate").contentType(MediaType.TEXT_PLAIN).content("hola"), 415, "text/plain"),
                Arguments.of("control characters", json("/translate", "{\"q\": \"ho\\u0000la\", \"source\": \"es\", \"target\": \"en\"}"), 400, "control character U+0000"),
                Arguments.of("emoji only", json("/translate", "{\"q\": \"\uD83D\uDE00\uD83C\uDF89\", \"source\": \"es\", \"target\": \"en\"}"), 400, "no letters or digits"),
                Arguments.of("emoji only, auto", json("/translate", "{\"q\": \"\uD83D\uDE00\", \"source\": \"auto\", \"target\": \"en\"}"), 400, "no letters or digits"),
                Arguments.of("invalid UTF-8", post("/translate").contentType(MediaType.APPLICATION_JSON)
                        .content(new byte[] {'{', '"', 'q', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}), 400, "not valid JSON"),
                Arguments.of("body over the size limit", json("/translate", "{\"q\": \"" + "a".repeat(2_200_000) + "\"}"), 413, "larger than the limit"),
                Arguments.of("detect without q", json("/detect", "{}"), 400, "q is required"),
                Arguments.of("chat without message", json("/chat", "{}"), 400, "message is required"),
                Arguments.of("chat unknown language", json("/chat", "{\"message\": \"hola\", \"language\": \"fr\"}"), 400, "no chat model for 'fr'"),
                Arguments.of("chat bad temperature", json("/chat", "{\"message\": \"hello\", \"temperature\": 0}"), 400, "temperature"),
                Arguments.of("chat too many samples", json("/chat", "{\"message\": \"hello\", \"samples\": 65}"), 400, "samples"),
                Arguments.of("chat unknown conversation", json("/chat", "{\"message\": \"hello\", \"conversationId\": \"nope\"}"), 404, "conversation 'nope' does not exist"),
                Arguments.of("unknown conversation", get("/chat/nope"), 404, "does not exist"),
                Arguments.of("GET on a POST endpoint", get("/translate"), 405, "GET"));
    }

    private static MockHttpServletRequestBuilder json(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersWithAProblem(String name, MockHttpServletRequestBuilder request, int status, String detail) throws Exception {
        mvc.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail", containsString(detail)));
    }
}

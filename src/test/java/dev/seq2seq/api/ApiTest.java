package dev.seq2seq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The endpoints on the committed tiny models, which translate and answer their few training sentences
 * exactly when decoding picks the most likely piece (beam search; chat with {@code topK} 1). Sampled
 * at the bundle's temperature 0.8 the tiny en-chat model's replies are not its training replies
 * ("What is your name?", seed 7: "Mam name io."), so replies asserted word for word ask for topK 1.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiTest {
    @Autowired
    MockMvc mvc;

    @Test
    void translatesOneTextInLibreTranslateShape() throws Exception {
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"el gato come pescado\", \"source\": \"es\", \"target\": \"en\", \"format\": \"text\"}"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.translatedText").value("the cat eats fish"))
                .andExpect(jsonPath("$.detectedLanguage").doesNotExist())
                .andExpect(jsonPath("$.alternatives").doesNotExist());
    }

    @Test
    void translatesAnArrayInOrder() throws Exception {
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": [\"la casa es grande\", \"Gracias.\", \"el niño lee un libro\"], \"source\": \"es\", \"target\": \"en\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.translatedText", contains("the house is big", "Thank you.", "the boy reads a book")));
    }

    @Test
    void acceptsLibreTranslateFormRequests() throws Exception {
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("q", "Gracias.").param("source", "es").param("target", "en").param("format", "text")
                        .param("api_key", ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.translatedText").value("Thank you."));
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("q", "Gracias.").param("q", "Hola.").param("source", "es").param("target", "en")
                        .param("alternatives", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.translatedText", contains("Thank you.", "Hello.")))
                .andExpect(jsonPath("$.alternatives", hasSize(2)));
    }

    @Test
    void detectsTheSourceAndReturnsAlternativesAndScores() throws Exception {
        String body = mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"¿Dónde está el tren?\", \"source\": \"auto\", \"target\": \"en\", \"alternatives\": 2, \"returnScores\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.translatedText").value("Where is the train?"))
                .andExpect(jsonPath("$.detectedLanguage.language").value("es"))
                .andExpect(jsonPath("$.detectedLanguage.confidence", notNullValue()))
                .andExpect(jsonPath("$.alternatives", hasSize(allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(2)))))
                .andExpect(jsonPath("$.alternatives", not(hasItem("Where is the train?"))))
                .andExpect(jsonPath("$.scores").isNumber())
                .andReturn().getResponse().getContentAsString();
        double score = ((Number) JsonPath.read(body, "$.scores")).doubleValue();
        assertThat(score).isLessThanOrEqualTo(0.0).isGreaterThan(-20.0);
    }

    @Test
    void translatesLongTextSentenceBySentence() throws Exception {
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"Hola. Gracias. la casa es grande\", \"source\": \"es\", \"target\": \"en\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.translatedText").value("Hello. Thank you. the house is big"));
    }

    @Test
    void translatesKoreanDetectedOrNamed() throws Exception {
        // the tiny ko-en bundle cuts its sources into morphemes (Nori) before its pieces, as the shipped one does
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"고양이가 생선을 먹어요\", \"source\": \"ko\", \"target\": \"en\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.translatedText").value("The cat eats fish."));
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"오늘 날씨가 좋아요\", \"source\": \"auto\", \"target\": \"en\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.translatedText").value("The weather is nice today."))
                .andExpect(jsonPath("$.detectedLanguage.language").value("ko"));
    }

    @Test
    void listsLanguagesAndModels() throws Exception {
        mvc.perform(get("/languages"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].code").value("es"))
                .andExpect(jsonPath("$[0].name").value("Spanish"))
                .andExpect(jsonPath("$[0].targets", contains("en")))
                .andExpect(jsonPath("$[1].code").value("ko"))
                .andExpect(jsonPath("$[1].name").value("Korean"))
                .andExpect(jsonPath("$[1].targets", contains("en")));
        mvc.perform(get("/models"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[?(@.name == 'es-en')].task", contains("translate")))
                .andExpect(jsonPath("$[?(@.name == 'en-chat')].data.licence", contains("CC0")))
                .andExpect(jsonPath("$[0].parameters", notNullValue()));
    }

    @Test
    void detectsLanguages() throws Exception {
        mvc.perform(post("/detect").contentType(MediaType.APPLICATION_JSON).content("{\"q\": \"¿Dónde está la estación de tren?\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].language").value("es"))
                .andExpect(jsonPath("$[0].confidence", greaterThan(95.0)));   // calibrated: such sentences are right 99.8% of the time
        mvc.perform(post("/detect").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("q", "오늘 날씨가 정말 좋네요"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].language").value("ko"));
    }

    @Test
    void chatsAcrossTurnsAndForgets() throws Exception {
        String first = mvc.perform(post("/chat").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\": \"What is your name?\", \"topK\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.turn").value(1))
                .andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.reply").value("My name is Bot."))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(first, "$.conversationId");
        mvc.perform(post("/chat").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"message\": \"Goodbye\", \"conversationId\": \"" + id + "\", \"temperature\": 0.5, \"topK\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.turn").value(2))
                .andExpect(jsonPath("$.reply").value("See you later!"))
                .andExpect(jsonPath("$.conversationId").value(id));
        mvc.perform(get("/chat/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.turns", hasSize(2)))
                .andExpect(jsonPath("$.turns[0].message").value("What is your name?"))
                .andExpect(jsonPath("$.turns[0].reply").value("My name is Bot."))
                .andExpect(jsonPath("$.turns[1].turn").value(2));
        mvc.perform(delete("/chat/" + id)).andExpect(status().isNoContent());
        mvc.perform(get("/chat/" + id))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(id)));
    }

    @Test
    void chatWithoutALanguageAnswersKoreanWithTheKoreanModelAndEnglishWithTheEnglishOne() throws Exception {
        mvc.perform(post("/chat").contentType(MediaType.APPLICATION_JSON).content("{\"message\": \"안녕하세요\", \"seed\": 3}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("ko"))
                .andExpect(jsonPath("$.reply").value("안녕하세요, 반가워요."));
        mvc.perform(post("/chat").contentType(MediaType.APPLICATION_JSON).content("{\"message\": \"고마워\", \"samples\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("ko"))
                .andExpect(jsonPath("$.reply").value("천만에요."));
        mvc.perform(post("/chat").contentType(MediaType.APPLICATION_JSON).content("{\"message\": \"Good morning\", \"topK\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.reply").value("Good morning to you too."));
    }

    @Test
    void sameSeedGivesTheSameReply() throws Exception {
        String body = "{\"message\": \"Do you like music?\", \"seed\": 42, \"temperature\": 1.5}";
        String a = JsonPath.read(mvc.perform(post("/chat").contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getContentAsString(), "$.reply");
        mvc.perform(post("/chat").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(jsonPath("$.reply", is(a)));
    }

    @Test
    void servesTheContractAndSwaggerUi() throws Exception {
        mvc.perform(get("/openapi.yaml"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("operationId: translate")));
        mvc.perform(get("/docs")).andExpect(status().is3xxRedirection());
    }

    @Test
    void exposesBatchingAndLatencyMetrics() throws Exception {
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON)
                .content("{\"q\": \"Hola.\", \"source\": \"es\", \"target\": \"en\"}")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("seq2seq_batch_size_count{model=\"es-en\"")))
                .andExpect(content().string(containsString("seq2seq_queue_depth{model=\"es-en\"")))
                .andExpect(content().string(containsString("seq2seq_queue_wait_seconds_bucket")))
                .andExpect(content().string(containsString("seq2seq_tokens_generated_total{model=\"es-en\"")))
                .andExpect(content().string(containsString("http_server_requests_seconds_bucket")));
    }

    @Test
    void isReadyOnceModelsAreLoaded() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void settingsTellClientsTheLimitsRequestsAreCheckedAgainst() throws Exception {
        mvc.perform(get("/settings"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.charLimit").value(5000))
                .andExpect(jsonPath("$.textLimit").value(50))
                .andExpect(jsonPath("$.requestCharLimit").value(20000))
                .andExpect(jsonPath("$.beamSizeLimit").value(8))
                .andExpect(jsonPath("$.alternativesLimit").value(5))
                .andExpect(jsonPath("$.samplesLimit").value(16))
                .andExpect(jsonPath("$.authMode").value("off"))
                .andExpect(jsonPath("$.keyRequired").value(false));
    }
}

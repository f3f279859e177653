package dev.seq2seq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Attention and gates through the API, on the committed tiny models; the page and training plots. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ExplainApiTest {
    @Autowired
    MockMvc mvc;

    @Test
    void explainReturnsAttentionRowsThatSumToOneAndGatesInRange() throws Exception {
        String body = mvc.perform(post("/explain").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"el gato come pescado\", \"source\": \"es\", \"target\": \"en\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.translatedText").value("the cat eats fish"))
                .andReturn().getResponse().getContentAsString();
        List<String> source = JsonPath.read(body, "$.segments[0].source");
        List<String> target = JsonPath.read(body, "$.segments[0].target");
        List<List<Double>> attention = JsonPath.read(body, "$.segments[0].attention");
        assertThat(source).last().isEqualTo("</s>");
        assertThat(target).last().isEqualTo("</s>");
        assertThat(String.join("", target.subList(0, target.size() - 1)).replace('\u2581', ' ').trim()).isEqualTo("the cat eats fish");
        assertThat(attention).hasSize(target.size());
        for (List<Double> row : attention) {
            assertThat(row).hasSize(source.size()).allSatisfy(w -> assertThat(w).isBetween(0.0, 1.0));
            assertThat(row.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-4));
        }
        for (String gate : List.of("forget", "input", "output")) {
            List<Double> values = JsonPath.read(body, "$.segments[0].gates." + gate);
            assertThat(values).as(gate).hasSize(target.size()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        }
        List<Double> cell = JsonPath.read(body, "$.segments[0].gates.cell");
        assertThat(cell).hasSize(target.size()).allSatisfy(v -> assertThat(v).isPositive());
    }

    @Test
    void explainGivesOneSegmentPerSentence() throws Exception {
        mvc.perform(post("/explain").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"Hola. la casa es grande\", \"source\": \"es\", \"target\": \"en\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.translatedText").value("Hello. the house is big"))
                .andExpect(jsonPath("$.segments.length()").value(2));
    }

    @Test
    void translateReturnsAttentionOnlyWhenAskedAndWithoutGates() throws Exception {
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"el gato come pescado\", \"source\": \"es\", \"target\": \"en\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attention").doesNotExist());
        String body = mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": \"el gato come pescado\", \"source\": \"es\", \"target\": \"en\", \"returnAttention\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.translatedText").value("the cat eats fish"))
                .andExpect(jsonPath("$.attention.length()").value(1))
                .andExpect(jsonPath("$.attention[0].gates").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        List<String> target = JsonPath.read(body, "$.attention[0].target");
        List<String> source = JsonPath.read(body, "$.attention[0].source");
        List<List<Double>> attention = JsonPath.read(body, "$.attention[0].attention");
        assertThat(attention).hasSize(target.size()).allSatisfy(row -> assertThat(row).hasSize(source.size()));
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"q\": [\"el gato come pescado\", \"Gracias.\"], \"source\": \"es\", \"target\": \"en\", \"returnAttention\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attention.length()").value(2))
                .andExpect(jsonPath("$.attention[1][0].source[0]").exists());
    }

    @Test
    void explainRefusesBadInputWithProblemJson() throws Exception {
        mvc.perform(post("/explain").contentType(MediaType.APPLICATION_JSON).content("{\"source\": \"es\", \"target\": \"en\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/explain").contentType(MediaType.APPLICATION_JSON).content("{\"q\": \"hola\", \"source\": \"es\", \"target\": \"de\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("es->de")));
    }

    @Test
    void servesTrainingPlotsAndThePage() throws Exception {
        byte[] png = mvc.perform(get("/models/es-en/training.png"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        mvc.perform(get("/models/no-such-model/training.png"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl("index.html"));
        mvc.perform(get("/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"source-text\"")));
        mvc.perform(get("/app.js")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("javascript")));
    }
}

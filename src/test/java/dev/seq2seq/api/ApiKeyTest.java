package dev.seq2seq.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.seq2seq.auth.TestKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** With seq2seq.auth.mode=required, the model endpoints take a key in any of the ways LibreTranslate clients send it. */
@SpringBootTest(properties = {"seq2seq.auth.mode=required", "seq2seq.auth.store=target/api-key-test/keys.json"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiKeyTest {
    static final String KEY = TestKeys.fresh("target/api-key-test/keys.json", "test-client", 600);
    private static final String BODY = "{\"q\": \"hola\", \"source\": \"es\", \"target\": \"en\"";

    @Autowired
    MockMvc mvc;


    @Test
    void withoutAKeyTheAnswerIs401WithAChallenge() throws Exception {
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON).content(BODY + "}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("an API key is required")));
        mvc.perform(post("/chat").contentType(MediaType.APPLICATION_JSON).content("{\"message\": \"hello\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aWrongKeyIs403() throws Exception {
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON).content(BODY + ", \"api_key\": \"s2s_nope\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("not valid")));
        mvc.perform(post("/detect").header("X-API-Key", "s2s_nope").contentType(MediaType.APPLICATION_JSON).content("{\"q\": \"hola\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theKeyTravelsAsBearerHeaderJsonFieldOrFormField() throws Exception {
        mvc.perform(post("/translate").header("Authorization", "Bearer " + KEY).contentType(MediaType.APPLICATION_JSON).content(BODY + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.translatedText").exists());
        mvc.perform(post("/translate").header("X-API-Key", KEY).contentType(MediaType.APPLICATION_JSON).content(BODY + "}"))
                .andExpect(status().isOk());
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_JSON).content(BODY + ", \"api_key\": \"" + KEY + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.translatedText").exists());
        mvc.perform(post("/translate").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("q=hola&source=es&target=en&api_key=" + KEY))
                .andExpect(status().isOk()).andExpect(jsonPath("$.translatedText").exists());
    }

    @Test
    void readOnlyEndpointsNeedNoKeyAndSettingsSayOne() throws Exception {
        mvc.perform(get("/languages")).andExpect(status().isOk());
        mvc.perform(get("/settings")).andExpect(status().isOk())
                .andExpect(jsonPath("$.authMode").value("required"))
                .andExpect(jsonPath("$.keyRequired").value(true));
    }
}

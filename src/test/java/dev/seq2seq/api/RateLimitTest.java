package dev.seq2seq.api;

import static org.hamcrest.Matchers.containsString;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Per-key and per-address limits in mode optional: over them, 429 problem+json with Retry-After; no client takes another's budget. */
@SpringBootTest(properties = {"seq2seq.auth.mode=optional", "seq2seq.auth.store=target/rate-limit-test/keys.json",
        "seq2seq.auth.anonymous.requests-per-minute=3", "seq2seq.auth.anonymous.characters-per-minute=100"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RateLimitTest {
    static final String SMALL = TestKeys.fresh("target/rate-limit-test/keys.json", "small", 2);
    static final String OTHER = TestKeys.add("target/rate-limit-test/keys.json", "other", 2);

    @Autowired
    MockMvc mvc;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;


    private static MockHttpServletRequestBuilder translate(String q, String address) {
        return post("/translate").contentType(MediaType.APPLICATION_JSON)
                .content("{\"q\": " + q + ", \"source\": \"es\", \"target\": \"en\"}")
                .with(r -> { r.setRemoteAddr(address); return r; });
    }

    @Test
    void aKeyOverItsRequestsPerMinuteGets429WithRetryAfterAndOtherKeysGoOn() throws Exception {
        mvc.perform(translate("\"hola\"", "10.0.0.1").header("X-API-Key", SMALL))
                .andExpect(status().isOk()).andExpect(header().string("RateLimit-Limit", "2"))
                .andExpect(header().string("RateLimit-Remaining", "1"));
        mvc.perform(translate("\"hola\"", "10.0.0.1").header("X-API-Key", SMALL)).andExpect(status().isOk())
                .andExpect(header().string("RateLimit-Remaining", "0"));
        mvc.perform(translate("\"hola\"", "10.0.0.1").header("X-API-Key", SMALL))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("over the requests per minute of this client (2)")));
        mvc.perform(translate("\"hola\"", "10.0.0.1").header("Authorization", "Bearer " + OTHER)).andExpect(status().isOk());
        // metrics by key name and reason, never the key
        org.assertj.core.api.Assertions.assertThat(meters.counter("seq2seq.auth.requests", "key", "small").count()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(meters.counter("seq2seq.auth.rejections", "reason", "rate_limit_requests", "key", "small").count()).isEqualTo(1);
    }

    @Test
    void aBatchOfNTextsCostsNRequests() throws Exception {
        mvc.perform(translate("[\"uno\", \"dos\", \"tres\"]", "10.0.0.2").header("X-API-Key", OTHER))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().doesNotExist("Retry-After"))
                .andExpect(jsonPath("$.detail", containsString("costs more requests than the 2 a minute")));
    }

    @Test
    void anonymousClientsAreLimitedPerAddressAndForwardedForIsNotTrustedByDefault() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(translate("\"hola\"", "10.0.0.3").header("X-Forwarded-For", "192.0.2." + i)).andExpect(status().isOk());
        }
        mvc.perform(translate("\"hola\"", "10.0.0.3")).andExpect(status().isTooManyRequests());
        mvc.perform(translate("\"hola\"", "10.0.0.4")).andExpect(status().isOk());   // another address, its own budget
        mvc.perform(translate("\"" + "hola ".repeat(30) + "\"", "10.0.0.5"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail", containsString("costs more characters than the 100")));
    }
}

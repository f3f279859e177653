package dev.seq2seq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.auth.TestKeys;
import dev.seq2seq.client.ApiClient;
import dev.seq2seq.client.api.TranslateApi;
import dev.seq2seq.client.model.TranslateRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.HttpClientErrorException;

/** The Java client generated from the spec sends the key its security schemes describe, as a bearer token or an X-API-Key header. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seq2seq.auth.mode=required", "seq2seq.auth.store=target/client-key-test/keys.json"})
@ActiveProfiles("test")
class ClientKeyTest {
    static final String KEY = TestKeys.fresh("target/client-key-test/keys.json", "generated-client", 600);

    @LocalServerPort
    int port;


    private TranslateApi client(java.util.function.Consumer<ApiClient> auth) {
        ApiClient client = new ApiClient().setBasePath("http://localhost:" + port);
        auth.accept(client);
        return new TranslateApi(client);
    }

    @Test
    void theGeneratedClientSendsTheKeyAndIsRefusedWithoutIt() {
        TranslateRequest request = new TranslateRequest().q("la casa es grande").source("es").target("en");
        assertThatThrownBy(() -> client(c -> { }).translate(request))
                .isInstanceOf(HttpClientErrorException.Unauthorized.class);
        assertThat(client(c -> c.setBearerToken(KEY)).translate(request).getTranslatedText()).isEqualTo("the house is big");
        assertThat(client(c -> c.setApiKey(KEY)).translate(request).getTranslatedText()).isEqualTo("the house is big");
        assertThatThrownBy(() -> client(c -> c.setApiKey("s2s_wrong")).translate(request))
                .isInstanceOf(HttpClientErrorException.Forbidden.class);
    }
}

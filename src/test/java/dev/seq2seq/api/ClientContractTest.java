package dev.seq2seq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.client.ApiClient;
import dev.seq2seq.client.api.ChatApi;
import dev.seq2seq.client.api.TranslateApi;
import dev.seq2seq.client.model.ChatRequest;
import dev.seq2seq.client.model.ChatResponse;
import dev.seq2seq.client.model.TranslateRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClientResponseException;

/** A Java client generated from api-spec/openapi.yaml at build time, against the running server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClientContractTest {
    @LocalServerPort
    int port;

    TranslateApi translate;
    ChatApi chat;

    @BeforeEach
    void client() {
        ApiClient client = new ApiClient().setBasePath("http://localhost:" + port);
        translate = new TranslateApi(client);
        chat = new ChatApi(client);
    }

    @Test
    void translatesOneTextAndAnArray() {
        var one = translate.translate(new TranslateRequest().q("la casa es grande").source("es").target("en"));
        assertThat(one.getTranslatedText()).isEqualTo("the house is big");
        var many = translate.translate(new TranslateRequest().q(List.of("Hola.", "Gracias.")).source("es").target("en"));
        assertThat(many.getTranslatedText()).isEqualTo(List.of("Hello.", "Thank you."));
    }

    @Test
    void listsLanguages() {
        var languages = translate.listLanguages();
        assertThat(languages).hasSize(2);   // the tiny es-en and ko-en bundles
        assertThat(languages.get(0).getCode()).isEqualTo("es");
        assertThat(languages.get(0).getTargets()).containsExactly("en");
        assertThat(languages.get(1).getCode()).isEqualTo("ko");
        assertThat(languages.get(1).getTargets()).containsExactly("en");
    }

    @Test
    void chatsTwoTurns() {
        ChatResponse first = chat.chat(new ChatRequest().message("Hello").language("en"));
        assertThat(first.getTurn()).isEqualTo(1);
        ChatResponse second = chat.chat(new ChatRequest().message("Goodbye").conversationId(first.getConversationId()));
        assertThat(second.getTurn()).isEqualTo(2);
        assertThat(second.getConversationId()).isEqualTo(first.getConversationId());
        assertThat(chat.getConversation(first.getConversationId()).getTurns()).hasSize(2);
    }

    @Test
    void reportsAnUnknownLanguagePairAsAProblem() {
        assertThatThrownBy(() -> translate.translate(new TranslateRequest().q("hola").source("es").target("de")))
                .isInstanceOfSatisfying(RestClientResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getResponseHeaders().getContentType().toString()).startsWith("application/problem+json");
                    assertThat(e.getResponseBodyAsString()).contains("no model translates es->de");
                });
    }

    /** Form bodies are parsed by Tomcat itself, which MockMvc does not run: checked here over real HTTP. */
    @Test
    void malformedFormBodiesAreProblemsNotServerErrors() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String body : List.of("q=%zz&source=es&target=en", "q=Hola.&source=es&target=en&alternatives=many")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/translate"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/translate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=Hola.&source=es&target=en")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.body()).contains("\"translatedText\":\"Hello.\"");
    }
}

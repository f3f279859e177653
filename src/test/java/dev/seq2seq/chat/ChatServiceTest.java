package dev.seq2seq.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.inference.Generator;
import dev.seq2seq.inference.Seq2SeqModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a chat model trained with conversation history gets the previous reply beside a new message. */
class ChatServiceTest {

    /** The committed tiny English chat bundle, marked as trained with conversation history. */
    static Seq2SeqModel historyModel(Path dir) throws Exception {
        Path source = Path.of("src/test/resources/tiny-models/en-chat");
        Files.createDirectories(dir);
        for (Path file : Files.list(source).toList()) {
            Files.copy(file, dir.resolve(file.getFileName()));
        }
        Path config = dir.resolve("config.json");
        String json = Files.readString(config);
        assertThat(json).contains("\"usesConversationHistory\" : false");
        Files.writeString(config, json.replace("\"usesConversationHistory\" : false", "\"usesConversationHistory\" : true"));
        return new Seq2SeqModel(BundleReader.load(dir));
    }

    @Test
    void aLongPreviousReplyIsCutFromItsStartAndTheNewMessageIsKeptWhole(@TempDir Path tmp) throws Exception {
        Seq2SeqModel model = historyModel(tmp.resolve("chat"));
        List<String> seen = new ArrayList<>();
        Generator capture = (m, texts, options) -> {
            seen.addAll(texts);
            return m.generate(texts, options);
        };
        var store = new InMemoryConversationStore(1_000_000, Duration.ofMinutes(5));
        String longReply = "one two three four five six seven eight nine ten ".repeat(8).trim() + " last words";
        store.update("c1", new Conversation("c1", "en", List.of()), c -> c.with("hello", longReply, 10));
        store.update("c2", new Conversation("c2", "en", List.of()), c -> c.with("hello", "Hi there", 10));
        // language given, so no language identifier is needed
        var service = new ChatService(List.of(model), null, store, capture, dev.seq2seq.request.WorkLimits.DEFAULT.withTexts(1000, 50), 10);
        String message = "how are you today my friend";

        service.chat(new ChatMessage(message, "c1", "en", null, null, null, null, 1L));
        assertThat(seen.get(0)).endsWith("words" + ChatService.HISTORY_SEPARATOR + message)
                .doesNotStartWith("one two three");
        assertThat(model.fitsWhole(seen.get(0))).isTrue();
        // and it keeps as much of the reply as fits: one more word from the reply would not
        String kept = seen.get(0).substring(0, seen.get(0).length() - (ChatService.HISTORY_SEPARATOR + message).length());
        String[] replyWords = longReply.split(" ");
        String oneMore = replyWords[replyWords.length - kept.split(" ").length - 1] + " " + seen.get(0);
        assertThat(model.fitsWhole(oneMore)).isFalse();
        assertThat(model.fitsWhole(longReply + ChatService.HISTORY_SEPARATOR + message)).isFalse();

        service.chat(new ChatMessage(message, "c2", "en", null, null, null, null, 1L));
        assertThat(seen.get(1)).isEqualTo("Hi there" + ChatService.HISTORY_SEPARATOR + message);

        // a message that alone fills the model's input goes without history
        String huge = "tell me more about it ".repeat(20).trim();
        service.chat(new ChatMessage(huge, "c2", "en", null, null, null, null, 1L));
        assertThat(seen.get(2)).isEqualTo(huge);
    }

    @Test
    void aStoredConversationInALanguageWithoutAModelHereIsABadRequestNotACrash(@TempDir Path tmp) throws Exception {
        Seq2SeqModel model = historyModel(tmp.resolve("chat"));   // an English model only
        var store = new InMemoryConversationStore(1_000_000, Duration.ofMinutes(5));
        // as a store shared with an instance that serves Korean chat would hold
        store.update("k1", new Conversation("k1", "ko", List.of()), c -> c.with("안녕", "안녕하세요", 10));
        var service = new ChatService(List.of(model), null, store, (m, texts, options) -> m.generate(texts, options), dev.seq2seq.request.WorkLimits.DEFAULT.withTexts(1000, 50), 10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.chat(new ChatMessage("hello", "k1", null, null, null, null, null, 1L)))
                .isInstanceOf(dev.seq2seq.request.InvalidInputException.class)
                .hasMessageContaining("conversation k1 is in 'ko'").hasMessageContaining("available: en");
    }

    @Test
    void aConversationDeletedWhileItsReplyIsGeneratedIsNotFoundAndNotStartedAgain(@TempDir Path tmp) throws Exception {
        Seq2SeqModel model = historyModel(tmp.resolve("chat"));
        var store = new InMemoryConversationStore(1_000_000, Duration.ofMinutes(5));
        store.update("c1", new Conversation("c1", "en", List.of()), c -> c.with("hello", "Hi there", 10));
        Generator deleteMeanwhile = (m, texts, options) -> {
            store.delete("c1");
            return m.generate(texts, options);
        };
        var service = new ChatService(List.of(model), null, store, deleteMeanwhile, dev.seq2seq.request.WorkLimits.DEFAULT.withTexts(1000, 50), 10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.chat(new ChatMessage("how are you", "c1", "en", null, null, null, null, 1L)))
                .isInstanceOf(ConversationNotFoundException.class);
        assertThat(store.find("c1")).isEmpty();

        // without the deletion the same message is turn 2 of the same conversation
        store.update("c2", new Conversation("c2", "en", List.of()), c -> c.with("hello", "Hi there", 10));
        var plain = new ChatService(List.of(model), null, store, (m, texts, options) -> m.generate(texts, options), dev.seq2seq.request.WorkLimits.DEFAULT.withTexts(1000, 50), 10);
        ChatReply reply = plain.chat(new ChatMessage("how are you", "c2", "en", null, null, null, null, 1L));
        assertThat(reply.conversationId()).isEqualTo("c2");
        assertThat(reply.turn()).isEqualTo(2);
        assertThat(store.find("c2").orElseThrow().turns()).hasSize(2);
    }
}

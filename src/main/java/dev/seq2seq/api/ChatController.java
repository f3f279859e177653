package dev.seq2seq.api;

import dev.seq2seq.api.generated.ChatApi;
import dev.seq2seq.api.generated.model.ChatRequest;
import dev.seq2seq.api.generated.model.ChatResponse;
import dev.seq2seq.api.generated.model.Conversation;
import dev.seq2seq.api.generated.model.Turn;
import dev.seq2seq.chat.ChatMessage;
import dev.seq2seq.chat.ChatReply;
import dev.seq2seq.chat.ChatService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code /chat} and the conversations it keeps. */
@RestController
public class ChatController implements ChatApi {
    private final ChatService chat;

    public ChatController(ChatService chat) {
        this.chat = chat;
    }

    @Override
    public ResponseEntity<ChatResponse> chat(ChatRequest body) {
        ChatReply reply = chat.chat(new ChatMessage(body.getMessage(), body.getConversationId(), body.getLanguage(),
                body.getTemperature(), body.getTopK(), body.getTopP(), body.getSamples(), body.getSeed()));
        return ResponseEntity.ok(new ChatResponse(reply.reply(), reply.conversationId(), reply.language(), reply.turn()));
    }

    @Override
    public ResponseEntity<Conversation> getConversation(String conversationId) {
        var c = chat.conversation(conversationId);
        return ResponseEntity.ok(new Conversation(c.id(), c.language(),
                c.turns().stream().map(t -> new Turn(t.number(), t.message(), t.reply())).toList()));
    }

    @Override
    public ResponseEntity<Void> deleteConversation(String conversationId) {
        chat.delete(conversationId);
        return ResponseEntity.noContent().build();
    }
}

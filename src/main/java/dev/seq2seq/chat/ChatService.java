package dev.seq2seq.chat;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.inference.Generator;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.ngrams.LanguageIdentifier;
import dev.seq2seq.request.InputValidation;
import dev.seq2seq.request.InvalidInputException;
import dev.seq2seq.request.WorkLimits;
import dev.seq2seq.search.DecodingOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Chat with the loaded chat models, one per language: picks the model by the conversation's (or
 * the detected) language, samples a reply and records the turn in the conversation store.
 */
public final class ChatService {
    /**
     * How a model trained with conversation history ({@code usesConversationHistory} in its bundle)
     * sees its input: the previous reply, this separator, then the new message. Training data for
     * such a model must put the same in its source column.
     */
    public static final String HISTORY_SEPARATOR = " | ";

    private final Map<String, Seq2SeqModel> byLanguage = new TreeMap<>();
    private final LanguageIdentifier identifier;
    private final ConversationStore store;
    private final Generator generator;
    private final WorkLimits limits;
    private final int maxTurnsKept;

    public ChatService(List<Seq2SeqModel> models, LanguageIdentifier identifier, ConversationStore store,
                       Generator generator, WorkLimits limits, int maxTurnsKept) {
        for (Seq2SeqModel m : models) {
            BundleConfig c = m.bundle().config();
            if (!c.task().equals(BundleConfig.CHAT)) {
                throw new IllegalArgumentException(c.name() + " is a " + c.task() + " model, not a chat model");
            }
            byLanguage.put(c.sourceLanguage(), m);
        }
        this.identifier = identifier;
        this.store = store;
        this.generator = generator;
        this.limits = limits;
        this.maxTurnsKept = maxTurnsKept;
    }

    public Set<String> languages() {
        return byLanguage.keySet();
    }

    public ChatReply chat(ChatMessage m) {
        InputValidation.checkText("message", m.message(), limits.maxCharacters());
        limits.checkSamples(m.samples());
        Conversation conversation = null;
        if (m.conversationId() != null) {
            conversation = store.find(m.conversationId()).orElseThrow(() -> new ConversationNotFoundException(m.conversationId()));
        }
        String language = language(m, conversation);
        Seq2SeqModel model = byLanguage.get(language);
        String source = m.message();
        if (conversation != null && !conversation.turns().isEmpty() && model.bundle().config().usesConversationHistory()) {
            source = withHistory(model, conversation.turns().get(conversation.turns().size() - 1).reply(), source);
        }
        String reply = generator.generate(model, List.of(source), options(model, m)).get(0).get(0).text();
        Conversation updated;
        if (conversation != null) {
            // deleted or evicted while the reply was generated: answer as a request a moment later
            // would, rather than start it again at turn 1 (or bring back a deleted conversation)
            String id = conversation.id();
            updated = store.updateIfPresent(id, c -> c.with(m.message(), reply, maxTurnsKept))
                    .orElseThrow(() -> new ConversationNotFoundException(id));
        } else {
            String id = UUID.randomUUID().toString();
            updated = store.update(id, new Conversation(id, language, List.of()), c -> c.with(m.message(), reply, maxTurnsKept));
        }
        return new ChatReply(reply, updated.id(), language, updated.turns().get(updated.turns().size() - 1).number());
    }

    /**
     * The input of a history model: as much of the end of the previous reply as fits beside the
     * whole new message (words are dropped from its start), the separator, then the message. The
     * tokenizer encodes word by word, so dropping words never adds pieces: a binary search finds the
     * first word to keep.
     */
    static String withHistory(Seq2SeqModel model, String previousReply, String message) {
        List<String> words = List.of(previousReply.split(" "));
        if (model.fitsWhole(withReplyFrom(words, 0, message))) {
            return withReplyFrom(words, 0, message);   // the usual case: all of it fits
        }
        int lo = 1;
        int hi = words.size();   // hi: no reply word fits
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (model.fitsWhole(withReplyFrom(words, mid, message))) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < words.size() ? withReplyFrom(words, lo, message) : message;
    }

    private static String withReplyFrom(List<String> words, int from, String message) {
        return String.join(" ", words.subList(from, words.size())) + HISTORY_SEPARATOR + message;
    }

    public Conversation conversation(String id) {
        return store.find(id).orElseThrow(() -> new ConversationNotFoundException(id));
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw new ConversationNotFoundException(id);
        }
    }

    private String language(ChatMessage m, Conversation conversation) {
        if (byLanguage.isEmpty()) {
            throw new InvalidInputException("language", "no chat model is loaded");
        }
        if (m.language() != null) {
            InputValidation.checkLanguage("language", m.language());
            if (!byLanguage.containsKey(m.language())) {
                throw new InvalidInputException("language", "no chat model for '" + m.language() + "'; available: "
                        + String.join(", ", byLanguage.keySet()));
            }
            if (conversation != null && !conversation.language().equals(m.language())) {
                throw new InvalidInputException("language", "conversation " + conversation.id() + " is in '"
                        + conversation.language() + "', not '" + m.language() + "'");
            }
            return m.language();
        }
        if (conversation != null) {
            if (!byLanguage.containsKey(conversation.language())) {   // a store shared with instances serving other models
                throw new InvalidInputException("conversationId", "conversation " + conversation.id() + " is in '"
                        + conversation.language() + "', and no chat model for it is loaded here; available: "
                        + String.join(", ", byLanguage.keySet()));
            }
            return conversation.language();
        }
        var guesses = identifier.identify(m.message(), byLanguage.keySet());
        if (!guesses.isEmpty()) {
            return guesses.get(0).language();
        }
        return byLanguage.containsKey("en") ? "en" : byLanguage.keySet().iterator().next();   // digits only: nothing to detect
    }

    /** Sampling with the bundle's defaults, overridden by the message (invalid settings name their field). */
    private static DecodingOptions options(Seq2SeqModel model, ChatMessage m) {
        return model.defaultOptions().sampledWith(m.temperature(), m.topK(), m.topP(), m.seed(), m.samples());
    }
}

package dev.seq2seq.bundle;

import dev.seq2seq.ngrams.TrigramIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Messages with the replies written for them, shipped in a chat bundle: the candidate replies a
 * reranking ({@code dev.seq2seq.inference.Rerank}) offers the model besides its own samples are those of the messages most like the
 * user's.
 */
public final class ReplyMemory {
    private final List<String> messages;
    private final List<String> replies;
    private final TrigramIndex index;

    public ReplyMemory(List<String> messages, List<String> replies) {
        if (messages.size() != replies.size()) {
            throw new IllegalArgumentException(messages.size() + " messages but " + replies.size() + " replies");
        }
        this.messages = List.copyOf(messages);
        this.replies = List.copyOf(replies);
        this.index = new TrigramIndex(this.messages);
    }

    /** Reads a TSV of message TAB reply (UTF-8, no header); a {@link ModelBundleException} names a bad line. */
    public static ReplyMemory read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelBundleException(file, "cannot read the reply memory: " + e.getMessage(), e);
        }
        List<String> messages = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cols = lines.get(i).split("\t", -1);
            if (cols.length != 2 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new ModelBundleException(file, "line " + (i + 1) + " is not message TAB reply");
            }
            messages.add(cols[0].strip());
            replies.add(cols[1].strip());
        }
        if (messages.isEmpty()) {
            throw new ModelBundleException(file, "the reply memory is empty");
        }
        return new ReplyMemory(messages, replies);
    }

    public int size() {
        return messages.size();
    }

    /** The distinct replies of the (at most) {@code neighbours} messages most like this one, closest first. */
    public List<String> candidates(String message, int neighbours) {
        return List.copyOf(similarities(message, neighbours).keySet());
    }

    /**
     * The same replies, each with the similarity of its closest message to this one (cosine of
     * character 3-gram counts, in [0, 1]).
     */
    public java.util.Map<String, Double> similarities(String message, int neighbours) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (TrigramIndex.Match m : index.matches(withoutChatTails(message), neighbours)) {
            out.putIfAbsent(replies.get(m.index()), m.cosine());
        }
        return out;
    }

    private static final java.util.regex.Pattern CHAT_TAIL = java.util.regex.Pattern.compile("[ㅋㅎ]{2,}|[ㅠㅜ]{2,}|\\^\\^");

    /**
     * A user's message as it is compared with the remembered ones: laughs and tears typed as runs of
     * jamo (ㅋㅋ, ㅎㅎㅎ, ㅠㅠ) and ^^ are dropped, so that "안뇽ㅎㅎ" finds "안뇽" and not a message that is
     * only a laugh; a message that is nothing else stays as it is. Shorthand such as ㅎㅇ (hi) is not a
     * run and stays. The remembered messages stay as written.
     */
    static String withoutChatTails(String message) {
        String bare = CHAT_TAIL.matcher(message).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return bare.isEmpty() || bare.chars().noneMatch(Character::isLetterOrDigit) ? message : bare;
    }
}

package dev.seq2seq.evaluation;

import dev.seq2seq.text.TextNormalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Chat-specific measures: reply diversity and the most repeated reply ({@link MemoryBaseline} is the retrieval baseline). */
public final class ChatMetrics {
    private ChatMetrics() {}

    /** Distinct word bigrams over all bigrams of the replies (Li et al. 2016), in [0, 1]. */
    public static double distinct2(List<String> replies) {
        Set<String> distinct = new HashSet<>();
        long total = 0;
        for (String reply : replies) {
            String[] words = TextNormalizer.normalize(reply).split(" ");
            for (int i = 0; i + 1 < words.length; i++) {
                distinct.add(words[i] + " " + words[i + 1]);
                total++;
            }
        }
        return total == 0 ? 0 : (double) distinct.size() / total;
    }

    /** The share of prompts that got the most frequent reply, in [0, 1]. */
    public static double topReplyShare(List<String> replies) {
        Map<String, Integer> counts = new HashMap<>();
        int max = 0;
        for (String reply : replies) {
            max = Math.max(max, counts.merge(reply, 1, Integer::sum));
        }
        return replies.isEmpty() ? 0 : (double) max / replies.size();
    }
}

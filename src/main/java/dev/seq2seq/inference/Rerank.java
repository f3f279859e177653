package dev.seq2seq.inference;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.bundle.ReplyMemory;
import dev.seq2seq.inference.Seq2SeqModel.Generation;
import dev.seq2seq.search.ForcedScoring;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model chooses a chat reply: the candidates are its own samples (those that ended) and the
 * replies of the most similar messages in the bundle's {@link ReplyMemory}; each is scored, per
 * token, by {@code log p(reply | message) - lambda * log p(reply | empty message)}, both computed by
 * the same encoder-decoder with teacher forcing ({@link ForcedScoring}). The second term is
 * maximum mutual information's anti-language model (Li et al. 2016, "A Diversity-Promoting
 * Objective Function for Neural Conversation Models"): a reply that fits any message, and so says
 * nothing about this one, loses some of its advantage. With {@code similarity} above 0, a remembered
 * reply also gains that weight times its message's similarity to this one (cosine in [0, 1]), so
 * that the model overrides the closest match only where it prefers another reply clearly.
 */
final class Rerank {
    private Rerank() {
    }

    /** Every candidate with its score, best first; {@code samples} are the search's hypotheses for this message. */
    static List<Generation> rank(ModelBundle bundle, int[] sourceIds, String message, List<Generation> samples,
                                 BundleConfig.Rerank settings) {
        Map<String, Double> similar = bundle.replyMemory().similarities(message, settings.neighbours());
        Map<String, int[]> candidates = candidates(bundle, settings.onlyMemory() ? List.of() : samples, similar.keySet());
        if (candidates.isEmpty()) {
            return samples;   // nothing ended and nothing remembered: the search's own order
        }
        List<String> texts = new ArrayList<>(candidates.keySet());
        List<int[]> tokens = new ArrayList<>(candidates.values());
        boolean antiLm = settings.antiLanguageModel() > 0;
        double[] logProbs = logProbs(bundle, sourceIds, tokens, antiLm);
        int n = texts.size();
        List<Generation> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int scored = tokens.get(i).length + 1;
            double mutual = logProbs[i] - (antiLm ? settings.antiLanguageModel() * logProbs[n + i] : 0);
            double bonus = settings.similarityWeight() * similar.getOrDefault(texts.get(i), 0.0);
            out.add(new Generation(texts.get(i), tokens.get(i), logProbs[i], mutual / scored + bonus, scored));
        }
        out.sort(Comparator.comparingDouble(Generation::score).reversed());   // stable: samples first on ties
        return out;
    }

    /** The candidates' texts and tokens: the samples that ended, then the remembered replies; the first occurrence of a text kept. */
    private static Map<String, int[]> candidates(ModelBundle bundle, List<Generation> samples, Collection<String> remembered) {
        Map<String, int[]> candidates = new LinkedHashMap<>();
        for (Generation g : samples) {
            if (g.scoredTokens() > g.tokens().length && !g.text().isBlank()) {   // ended: not cut at the length limit
                candidates.putIfAbsent(g.text(), g.tokens());
            }
        }
        for (String reply : remembered) {
            candidates.putIfAbsent(reply, bundle.targetTokenizer().encode(reply));
        }
        return candidates;
    }

    /**
     * log p(candidate | message) of each candidate by teacher forcing, in one batch; with the
     * anti-language model followed by log p(candidate | empty message) of each.
     */
    private static double[] logProbs(ModelBundle bundle, int[] sourceIds, List<int[]> tokens, boolean antiLm) {
        int n = tokens.size();
        int[] rows = new int[antiLm ? 2 * n : n];   // rows 0..n-1 read the message; n..2n-1 an empty message
        List<int[]> targets = new ArrayList<>(rows.length);
        targets.addAll(tokens);
        if (antiLm) {
            for (int i = 0; i < n; i++) {
                rows[n + i] = 1;
            }
            targets.addAll(tokens);
        }
        int eos = bundle.targetTokenizer().vocabulary().eos();
        int[][] sources = antiLm ? new int[][] {sourceIds, {eos}} : new int[][] {sourceIds};
        return ForcedScoring.logProbs(bundle.start(sources), rows, targets);
    }
}

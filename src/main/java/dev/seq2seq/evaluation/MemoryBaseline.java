package dev.seq2seq.evaluation;

import dev.seq2seq.bundle.ReplyMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline every score is set beside: for each source, the target of the most similar
 * training source (cosine of character 3-gram counts). For translation it is what a localization
 * tool's translation memory gives as its best fuzzy match; for chat it is a retrieval bot.
 */
public final class MemoryBaseline {
    private final ReplyMemory memory;
    private final String fallback;

    public MemoryBaseline(List<String> trainSources, List<String> trainTargets) {
        if (trainSources.size() != trainTargets.size() || trainSources.isEmpty()) {
            throw new IllegalArgumentException("the memory needs as many targets as sources, at least one: "
                    + trainSources.size() + " sources, " + trainTargets.size() + " targets");
        }
        this.memory = new ReplyMemory(trainSources, trainTargets);   // the index a chat bundle's reply memory uses
        this.fallback = trainTargets.get(0);
    }

    /** The memory's answer for each source (the first pair's target where nothing is similar at all). */
    public List<String> answer(List<String> sources) {
        List<String> out = new ArrayList<>(sources.size());
        for (String source : sources) {
            List<String> best = memory.candidates(source, 1);
            out.add(best.isEmpty() ? fallback : best.get(0));
        }
        return out;
    }
}

package dev.seq2seq.evaluation;

import dev.seq2seq.text.TrigramIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline every score is set beside: for each source, the target of the most similar
 * training source (cosine of character 3-gram counts). For translation it is what a localization
 * tool's translation memory gives as its best fuzzy match; for chat it is a retrieval bot.
 */
public final class MemoryBaseline {
    private final TrigramIndex index;
    private final List<String> targets;

    public MemoryBaseline(List<String> trainSources, List<String> trainTargets) {
        if (trainSources.size() != trainTargets.size() || trainSources.isEmpty()) {
            throw new IllegalArgumentException("the memory needs as many targets as sources, at least one: "
                    + trainSources.size() + " sources, " + trainTargets.size() + " targets");
        }
        this.index = new TrigramIndex(trainSources);
        this.targets = List.copyOf(trainTargets);
    }

    /** The memory's answer for each source (the first pair's target where nothing is similar at all). */
    public List<String> answer(List<String> sources) {
        List<String> out = new ArrayList<>(sources.size());
        for (String source : sources) {
            List<Integer> best = index.nearest(source, 1);
            out.add(targets.get(best.isEmpty() ? 0 : best.get(0)));
        }
        return out;
    }
}

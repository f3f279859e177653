package dev.seq2seq.evaluation;

import dev.seq2seq.search.DecodingOptions;
import dev.seq2seq.inference.Seq2SeqModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;

/** Decodes a test set in length-sorted batches and scores it with sacreBLEU-compatible BLEU and chrF. */
public final class Evaluation {
    /** Hypotheses in input order, their scores and the decoding time. */
    public record Report(List<String> hypotheses, Bleu.Score bleu, double chrf, double seconds) {}

    private Evaluation() {}

    public static Report run(Seq2SeqModel model, List<String> sources, List<String> references,
                             DecodingOptions options, int batchSize, IntConsumer progress) {
        long start = System.nanoTime();
        List<String> hypotheses = decode(model, sources, options, batchSize, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Report(hypotheses, Bleu.corpus(hypotheses, references), ChrF.corpus(hypotheses, references), seconds);
    }

    /**
     * Best hypothesis per source, in input order; progress receives the number of sources done.
     * Seeded sampling decodes line i (0-based) alone with seed + i: one seed for every line would
     * give all lines the same random draws, which unseeded requests never share, and would make a
     * corpus score swing with the seed. Each line's output is what a request with its seed gets.
     */
    public static List<String> decode(Seq2SeqModel model, List<String> sources, DecodingOptions options,
                                      int batchSize, IntConsumer progress) {
        if (options.strategy() == DecodingOptions.Strategy.SAMPLING && options.seed() != null) {
            List<String> out = new ArrayList<>(sources.size());
            for (int i = 0; i < sources.size(); i++) {
                out.add(model.generate(List.of(sources.get(i)), options.withSeed(options.seed() + i)).get(0).get(0).text());
                if (progress != null && ((i + 1) % batchSize == 0 || i + 1 == sources.size())) {
                    progress.accept(i + 1);
                }
            }
            return out;
        }
        Integer[] order = new Integer[sources.size()];
        Arrays.setAll(order, i -> i);
        int[] lengths = new int[sources.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = model.sourceIds(sources.get(i)).length;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> lengths[i]));
        String[] out = new String[sources.size()];
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<String> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                batch.add(sources.get(order[i]));
            }
            var generated = model.generate(batch, options);
            for (int i = start; i < end; i++) {
                var hyps = generated.get(i - start);
                out[order[i]] = hyps.isEmpty() ? "" : hyps.get(0).text();
            }
            if (progress != null) {
                progress.accept(end);
            }
        }
        return Arrays.asList(out);
    }
}

package dev.seq2seq.training;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.corpus.Batches;
import dev.seq2seq.corpus.ParallelCorpus;
import dev.seq2seq.decoder.EncoderDecoder;
import dev.seq2seq.evaluation.Evaluation;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.recipe.TrainingOptions;
import dev.seq2seq.search.DecoderState;
import dev.seq2seq.search.DecoderStep;
import dev.seq2seq.search.DecodingOptions;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Scores the network after an epoch on the dev pairs: the teacher-forced per-token loss, and BLEU
 * and chrF of its greedy translations.
 */
final class DevScoring {
    /** An epoch's dev scores: the per-token loss and the greedy evaluation (BLEU, chrF, hypotheses). */
    record Score(double loss, Evaluation.Report report) {
        double bleu() {
            return report.bleu().score();
        }

        double chrf() {
            return report.chrf();
        }
    }

    private final TrainingOptions o;
    private final Architecture arch;
    private final Vocabularies vocabularies;
    private final CardWriter cards;
    private final List<Batches.EncodedPair> devPairs;
    private final List<String> sources;
    private final List<String> targets;

    DevScoring(TrainingOptions options, Architecture arch, Vocabularies vocabularies, CardWriter cards,
               List<Batches.EncodedPair> devPairs, List<ParallelCorpus.Pair> dev) {
        this.o = options;
        this.arch = arch;
        this.vocabularies = vocabularies;
        this.cards = cards;
        this.devPairs = devPairs;
        this.sources = dev.stream().map(ParallelCorpus.Pair::source).toList();
        this.targets = dev.stream().map(ParallelCorpus.Pair::target).toList();
    }

    List<String> sources() {
        return sources;
    }

    Score score(ComputationGraph graph) {
        Seq2SeqModel model = model(graph);
        double loss = devLoss(model.bundle().network());
        var report = Evaluation.run(model, sources, targets, DecodingOptions.greedy(DecodingOptions.MAX_LENGTH), 64, null);
        return new Score(loss, report);
    }

    private Seq2SeqModel model(ComputationGraph graph) {
        BundleConfig config = cards.config(arch, new TrainingState(), 0, 0, null);
        return new Seq2SeqModel(new ModelBundle(o.output(), config, vocabularies.source(), vocabularies.target(),
                List.of(new EncoderDecoder(arch, graph))));
    }

    /**
     * Mean per-token cross-entropy on the dev pairs, teacher-forced, without dropout. It runs the
     * serving decoder ({@link EncoderDecoder}, tested equal to the graph) over the gold prefixes:
     * DL4J M2.1's {@code score} and {@code output} reuse a stale minibatch size in the graph's
     * preprocessors and fail on dev batches of other sizes.
     */
    private double devLoss(EncoderDecoder network) {
        int bos = vocabularies.target().vocabulary().bos();
        int eos = vocabularies.target().vocabulary().eos();
        double total = 0;
        long tokens = 0;
        for (int[] batch : Batches.plan(devPairs, o.batchSize(), 0)) {
            int[][] batchSources = new int[batch.length][];
            for (int r = 0; r < batch.length; r++) {
                batchSources[r] = devPairs.get(batch[r]).source();
            }
            DecoderStep step = network.start(batchSources, bos, eos);
            DecoderState state = step.initialState();
            int length = devPairs.get(batch[0]).targetTokens();   // a batch holds one target length
            int vocab = step.vocabularySize();
            int[] previous = new int[batch.length];
            Arrays.fill(previous, bos);
            for (int t = 0; t < length; t++) {
                float[] logProbs = step.logProbs(state, previous);
                for (int r = 0; r < batch.length; r++) {
                    int[] target = devPairs.get(batch[r]).target();
                    int label = t < target.length ? target[t] : eos;
                    total -= logProbs[r * vocab + label];
                    previous[r] = label;
                }
            }
            tokens += (long) length * batch.length;
        }
        return tokens == 0 ? Double.NaN : total / tokens;
    }
}

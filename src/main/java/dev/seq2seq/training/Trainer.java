package dev.seq2seq.training;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.corpus.Batches;
import dev.seq2seq.corpus.ParallelCorpus;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.Seq2SeqGraph;
import dev.seq2seq.recipe.InitFrom;
import dev.seq2seq.recipe.TrainingOptions;
import dev.seq2seq.spans.WordList;
import dev.seq2seq.text.KoreanMorphemes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Trains a bundle from TSV pairs: learns the two BPE vocabularies, trains the {@link Seq2SeqGraph}
 * on length-bucketed batches, scores dev BLEU/chrF after each epoch, keeps the best epoch as the
 * bundle (weights without updater state), halves the learning rate when the dev score named by
 * {@code --select-by} (dev loss by default) stalls and stops early after {@code patience} such
 * epochs. A checkpoint with updater state is written every few minutes into
 * {@code <output>/checkpoint}; running the same command again resumes from it. The bundle's
 * training summary and {@value #PLOT} are rewritten after every epoch, so a run stopped by hand
 * leaves a complete card. With {@link TrainingOptions#initFrom} a new run starts from a bundle's
 * network and vocabularies instead (fine-tuning).
 */
public final class Trainer {
    static final String CHECKPOINT_DIR = "checkpoint";
    /** Per-epoch bundles inside the checkpoint directory, and how many of the last epochs are kept. */
    public static final String EPOCHS_DIR = "epochs";
    public static final int KEPT_EPOCHS = 5;
    public static final String PLOT = "training.png";

    private final TrainingOptions o;
    private final PrintStream out;

    public Trainer(TrainingOptions options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    /** Where the epochs start: the checkpoint's state and graph when resuming, else a new state and network. */
    record Start(TrainingState state, ComputationGraph graph) {}

    public TrainingState run() throws IOException {
        Path dir = o.output();
        Checkpoints checkpoints = new Checkpoints(dir.resolve(CHECKPOINT_DIR));
        Files.createDirectories(checkpoints.dir());

        var train = segmented(ParallelCorpus.read(o.trainFile(), o.sourceColumn(), o.targetColumn(), o.maxPairs()));
        var dev = segmented(ParallelCorpus.read(o.devFile(), o.sourceColumn(), o.targetColumn(), o.maxDevPairs()));
        out.printf(Locale.ROOT, "train: %d pairs from %s (%d lines skipped); dev: %d pairs from %s%n",
                train.pairs().size(), o.trainFile(), train.skipped(), dev.pairs().size(), o.devFile());
        if (train.pairs().isEmpty() || dev.pairs().isEmpty()) {
            throw new IOException("no usable pairs: check the files and --source-column/--target-column");
        }
        CardWriter cards = new CardWriter(o, sourceWords(train.pairs()));

        boolean resume = checkpoints.exists();
        Vocabularies vocabularies = Vocabularies.prepare(o, out, train.pairs(), checkpoints.dir(), resume);
        Architecture arch = vocabularies.architecture(o);
        List<Batches.EncodedPair> devPairs = vocabularies.encode(dev.pairs(), o.maxTokens());
        List<Batches.EncodedPair> pairs = encoded(vocabularies, train.pairs(), devPairs);

        Start start = resume ? checkpoints.resume(o, out) : new Start(newState(), newGraph(arch, vocabularies.initSource()));
        TrainingState state = start.state();
        ComputationGraph graph = start.graph();
        if (resume && finished(state, checkpoints.dir())) {
            cards.writeSummary(dir, state);
            return state;
        }
        out.printf(Locale.ROOT, "model: %s cell, %,d parameters; epoch %d of %d, learning rate %.2g%n",
                arch.cell(), graph.params().length(), state.epoch, o.epochs(), state.learningRate);

        DevScoring scoring = new DevScoring(o, arch, vocabularies, cards, devPairs, dev.pairs());
        new EpochLoop(o, out, checkpoints, cards, scoring, vocabularies, arch, graph, state, pairs, train.pairs().size()).run();
        checkpoints.save(graph, state);
        cards.writeSummary(dir, state);
        out.printf(Locale.ROOT, "done: best epoch %d (dev BLEU %.2f); %s of training, %.0f target tokens/s; bundle in %s%n",
                state.bestEpoch, state.bestBleu, Progress.duration(state.seconds), state.targetTokens / state.seconds, dir);
        return state;
    }

    /** The corpus with its sources cut into morphemes when the run asks for it (as the bundle will read them). */
    private ParallelCorpus.Result segmented(ParallelCorpus.Result corpus) {
        if (o.sourceSegmenter() == null) {
            return corpus;
        }
        return new ParallelCorpus.Result(corpus.pairs().stream()
                .map(p -> new ParallelCorpus.Pair(KoreanMorphemes.segment(p.source()), p.target())).toList(), corpus.skipped());
    }

    /** The training sources' words (and German nouns), which tell names from words where the vocabulary cannot (translation only). */
    private WordList sourceWords(List<ParallelCorpus.Pair> train) {
        if (!o.task().equals(BundleConfig.TRANSLATE)) {
            return WordList.EMPTY;
        }
        return WordList.of(train.stream().map(ParallelCorpus.Pair::source).toList(),
                train.stream().map(ParallelCorpus.Pair::target).toList(), 1, WordList.nounMinCount(o.sourceLanguage()));
    }

    /**
     * The training pairs as token ids, refused when no training or dev pair fits {@code --max-tokens};
     * reports how many were dropped and the target tokens of an epoch.
     */
    private List<Batches.EncodedPair> encoded(Vocabularies vocabularies, List<ParallelCorpus.Pair> train,
                                              List<Batches.EncodedPair> devPairs) throws IOException {
        List<Batches.EncodedPair> pairs = vocabularies.encode(train, o.maxTokens());
        if (pairs.isEmpty() || devPairs.isEmpty()) {
            throw new IOException("no " + (pairs.isEmpty() ? "training" : "dev") + " pair has at most --max-tokens "
                    + o.maxTokens() + " subword tokens on both sides: raise --max-tokens");
        }
        long targetTokensPerEpoch = pairs.stream().mapToLong(Batches.EncodedPair::targetTokens).sum();
        out.printf(Locale.ROOT, "%d pairs within %d tokens (%d dropped as longer), %d target tokens per epoch%n",
                pairs.size(), o.maxTokens(), train.size() - pairs.size(), targetTokensPerEpoch);
        return pairs;
    }

    /** Whether the resumed run had already stopped early or done all its epochs (said on the console). */
    private boolean finished(TrainingState state, Path checkpointDir) {
        if (!state.stoppedEarly && state.epoch <= o.epochs()) {
            return false;
        }
        out.println("this run already finished (" + (state.stoppedEarly
                ? "early stop); delete " + checkpointDir + " to start again"
                : "all epochs done); raise --epochs to continue or delete " + checkpointDir + " to start again"));
        return true;
    }

    private TrainingState newState() {
        TrainingState state = new TrainingState();
        state.learningRate = o.learningRate();
        state.fixed = o.fixedOnResume();
        return state;
    }

    /**
     * The fixed options (shape, dropout, batch size, ...) of the checkpoint a run into {@code output}
     * would resume, flag to value; empty where there is none. An {@code --init-from} run resumes
     * with these, not the bundle's, which may have changed since (a fine-tuned model shipped into it).
     */
    public static Map<String, String> checkpointOptions(Path output) throws IOException {
        return new Checkpoints(output.resolve(CHECKPOINT_DIR)).fixedOptions();
    }

    /** A new network, initialised from the seed, or with an {@code --init-from} bundle's weights where given. */
    private ComputationGraph newGraph(Architecture arch, InitFrom.Source initSource) {
        ComputationGraph graph = new ComputationGraph(Seq2SeqGraph.configuration(arch, o.learningRate(), o.seed()));
        graph.init();
        if (initSource != null) {
            o.initFrom().copyWeights(initSource, graph);
        }
        return graph;
    }
}

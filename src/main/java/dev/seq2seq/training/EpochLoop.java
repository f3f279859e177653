package dev.seq2seq.training;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.corpus.Batches;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.recipe.TrainingOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The epochs of a run, from the state's epoch and batch on: trains on length-bucketed batches
 * with a checkpoint every few minutes, then scores dev, keeps the epoch as the bundle when the
 * {@code --select-by} score improved, decays the learning rate when it did not, and stops at
 * {@code --stop-at-bleu} or after {@code patience} epochs without improvement.
 */
final class EpochLoop {
    private static final int LOSS_POINT_STEPS = 50;

    private final TrainingOptions o;
    private final PrintStream out;
    private final Checkpoints checkpoints;
    private final CardWriter cards;
    private final DevScoring scoring;
    private final Vocabularies vocabularies;
    private final Architecture arch;
    private final ComputationGraph graph;
    private final TrainingState state;
    private final List<Batches.EncodedPair> pairs;
    private final long trainPairs;
    private final long targetTokensPerEpoch;
    private final Progress progress;
    private final int bos;
    private final int eos;
    private long lastCheckpoint = System.nanoTime();
    private double lossSum = 0;
    private int lossCount = 0;
    private long epochTokensDone;
    private double epochSeconds;

    /** {@code trainPairs}: the training pairs read, before those over {@code --max-tokens} were dropped (for the card). */
    EpochLoop(TrainingOptions options, PrintStream out, Checkpoints checkpoints, CardWriter cards, DevScoring scoring,
              Vocabularies vocabularies, Architecture arch, ComputationGraph graph, TrainingState state,
              List<Batches.EncodedPair> pairs, long trainPairs) {
        this.o = options;
        this.out = out;
        this.checkpoints = checkpoints;
        this.cards = cards;
        this.scoring = scoring;
        this.vocabularies = vocabularies;
        this.arch = arch;
        this.graph = graph;
        this.state = state;
        this.pairs = pairs;
        this.trainPairs = trainPairs;
        this.targetTokensPerEpoch = pairs.stream().mapToLong(Batches.EncodedPair::targetTokens).sum();
        this.progress = new Progress(out, 30);
        this.bos = vocabularies.target().vocabulary().bos();
        this.eos = vocabularies.target().vocabulary().eos();
    }

    /** Runs the remaining epochs, saving the checkpoint and the card's summary after each. */
    void run() throws IOException {
        while (state.epoch <= o.epochs()) {
            trainEpoch();
            if (endEpoch()) {
                break;
            }
            checkpoints.save(graph, state);
            lastCheckpoint = System.nanoTime();
            cards.writeSummary(o.output(), state);
        }
    }

    private void trainEpoch() throws IOException {
        List<int[]> batches = Batches.plan(pairs, o.batchSize(), o.seed() + state.epoch);
        epochTokensDone = 0;
        epochSeconds = 0;
        for (int b = state.nextBatch; b < batches.size(); b++) {
            double tokenLoss = fit(batches.get(b));
            state.nextBatch = b + 1;
            recordLoss(tokenLoss);
            showProgress(b + 1, batches.size(), tokenLoss);
            if ((System.nanoTime() - lastCheckpoint) / 60e9 >= o.checkpointMinutes()) {
                checkpoints.save(graph, state);
                lastCheckpoint = System.nanoTime();
            }
        }
    }

    /** One update on the batch; returns its loss per target token. */
    private double fit(int[] batch) {
        var data = Batches.toDataSet(pairs, batch, bos, eos);
        long t0 = System.nanoTime();
        graph.fit(data);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long tokens = 0;
        for (int i : batch) {
            tokens += pairs.get(i).targetTokens();
        }
        state.seconds += seconds;
        epochSeconds += seconds;
        state.targetTokens += tokens;
        epochTokensDone += tokens;
        state.step++;
        // DL4J's score is the loss summed over time steps, averaged over the batch: make it per token
        return graph.score() * batch.length / tokens;
    }

    /** Adds the mean loss of the last {@value #LOSS_POINT_STEPS} steps to the loss curve when they are complete. */
    private void recordLoss(double tokenLoss) {
        lossSum += tokenLoss;
        lossCount++;
        if (state.step % LOSS_POINT_STEPS == 0) {
            state.losses.add(new TrainingState.LossPoint(state.step, lossSum / lossCount));
            lossSum = 0;
            lossCount = 0;
        }
    }

    private void showProgress(int done, int batches, double tokenLoss) {
        double rate = epochTokensDone / Math.max(epochSeconds, 1e-9);
        double epochEta = (targetTokensPerEpoch - epochTokensDone) / rate;
        double totalEta = epochEta + (o.epochs() - state.epoch) * targetTokensPerEpoch / rate;
        progress.update(String.format(Locale.ROOT, "epoch %d/%d", state.epoch, o.epochs()), done, batches,
                String.format(Locale.ROOT, "loss %.3f  %.0f tok/s  ETA epoch %s, run %s",
                        tokenLoss, rate, Progress.duration(epochEta), Progress.duration(totalEta)),
                done == batches);
    }

    /**
     * End of epoch: the --select-by score (dev loss unless told) picks the best epoch and drives
     * decay and early stop; the other scores are reported beside it. Returns whether the run stops.
     */
    private boolean endEpoch() throws IOException {
        DevScoring.Score score = scoring.score(graph);
        state.dev.add(new TrainingState.DevPoint(state.epoch, state.step, score.bleu(), score.chrf(), score.loss()));
        // a run resumed from before --select-by has no kept chrF: its next epoch is kept
        boolean improved = o.selectBy().improves(o.selectBy().of(score.loss(), score.bleu(), score.chrf()),
                o.selectBy().of(state.bestDevLoss, state.bestBleu, state.bestChrf));
        report(score, improved);
        if (improved) {
            state.bestDevLoss = score.loss();
            state.bestBleu = score.bleu();
            state.bestChrf = score.chrf();
            state.bestEpoch = state.epoch;
            state.epochsWithoutImprovement = 0;
        }
        BundleConfig epochConfig = cards.config(arch, state, score.chrf(), trainPairs, CardWriter.command(o.output()));
        checkpoints.saveEpoch(state.epoch, epochConfig, graph, vocabularies, cards);
        if (improved) {
            cards.saveBundle(o.output(), epochConfig, graph, vocabularies);
        } else {
            decayLearningRate();
        }
        state.epoch++;
        state.nextBatch = 0;
        return stops();
    }

    private void report(DevScoring.Score score, boolean improved) {
        List<String> sources = scoring.sources();
        out.printf(Locale.ROOT, "epoch %d: dev loss %.3f, BLEU %.2f, chrF %.2f (greedy, %d sentences in %.1f s)%s%n",
                state.epoch, score.loss(), score.bleu(), score.chrf(), sources.size(), score.report().seconds(),
                improved ? "  best " + o.selectBy().label() + " so far: saved" : "");
        for (int i = 0; i < Math.min(3, sources.size()); i++) {
            out.printf("  %s%n    -> %s%n", sources.get(i), score.report().hypotheses().get(i));
        }
    }

    private void decayLearningRate() {
        state.epochsWithoutImprovement++;
        state.learningRate *= o.learningRateDecay();
        graph.setLearningRate(state.learningRate);
        out.printf(Locale.ROOT, "no %s improvement for %d epoch(s): learning rate now %.2g%n",
                o.selectBy().label(), state.epochsWithoutImprovement, state.learningRate);
    }

    /** Whether dev BLEU reached {@code --stop-at-bleu} or the score stalled for {@code patience} epochs (marked in the state). */
    private boolean stops() {
        if (o.stopAtBleu() > 0 && state.bestBleu >= o.stopAtBleu()) {
            out.printf(Locale.ROOT, "dev BLEU reached %.2f: stopping%n", o.stopAtBleu());
            state.stoppedEarly = true;
            return true;
        }
        if (state.epochsWithoutImprovement >= o.patience()) {
            out.println("early stop: " + o.selectBy().label() + " has not improved for " + o.patience() + " epochs");
            state.stoppedEarly = true;
            return true;
        }
        return false;
    }
}

package dev.seq2seq.training;

import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.BundleWriter;
import dev.seq2seq.evaluation.Evaluation;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.GraphFiles;
import dev.seq2seq.search.DecoderState;
import dev.seq2seq.search.DecoderStep;
import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.search.DecodingOptions;
import dev.seq2seq.decoder.EncoderDecoder;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.nn.Seq2SeqGraph;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.text.BpeTokenizer;
import dev.seq2seq.text.KoreanMorphemes;
import dev.seq2seq.text.Placeholders;
import dev.seq2seq.text.WordList;
import dev.seq2seq.text.BpeTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import tools.jackson.databind.json.JsonMapper;

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
    private static final String CHECKPOINT = "graph.zip";
    private static final String STATE = "state.json";
    /** Per-epoch bundles inside the checkpoint directory, and how many of the last epochs are kept. */
    public static final String EPOCHS_DIR = "epochs";
    public static final int KEPT_EPOCHS = 5;
    public static final String PLOT = "training.png";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double CHAR_COVERAGE = 0.9995;

    private final TrainingOptions o;
    private final PrintStream out;
    private WordList sourceWords = WordList.EMPTY;

    public Trainer(TrainingOptions options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    /** The corpus with its sources cut into morphemes when the run asks for it (as the bundle will read them). */
    private ParallelCorpus.Result segmented(ParallelCorpus.Result corpus) {
        if (o.sourceSegmenter() == null) {
            return corpus;
        }
        return new ParallelCorpus.Result(corpus.pairs().stream()
                .map(p -> new ParallelCorpus.Pair(KoreanMorphemes.segment(p.source()), p.target())).toList(), corpus.skipped());
    }

    public TrainingState run() throws IOException {
        Path dir = o.output();
        Path checkpointDir = dir.resolve(CHECKPOINT_DIR);
        Files.createDirectories(checkpointDir);

        var train = segmented(ParallelCorpus.read(o.trainFile(), o.sourceColumn(), o.targetColumn(), o.maxPairs()));
        var dev = segmented(ParallelCorpus.read(o.devFile(), o.sourceColumn(), o.targetColumn(), o.maxDevPairs()));
        out.printf(Locale.ROOT, "train: %d pairs from %s (%d lines skipped); dev: %d pairs from %s%n",
                train.pairs().size(), o.trainFile(), train.skipped(), dev.pairs().size(), o.devFile());
        if (train.pairs().isEmpty() || dev.pairs().isEmpty()) {
            throw new IOException("no usable pairs: check the files and --source-column/--target-column");
        }
        if (o.task().equals(BundleConfig.TRANSLATE)) {   // tells names from words where the vocabulary cannot
            sourceWords = WordList.of(train.pairs().stream().map(ParallelCorpus.Pair::source).toList(), 1);
        }

        boolean resume = Files.isRegularFile(checkpointDir.resolve(STATE));
        BpeTokenizer sourceTok;
        BpeTokenizer targetTok;
        InitFrom.Source initSource = null;
        if (resume) {
            sourceTok = BpeTokenizer.load(checkpointDir, ModelBundle.SOURCE_PREFIX);
            targetTok = BpeTokenizer.load(checkpointDir, ModelBundle.TARGET_PREFIX);
            out.println("resuming from " + checkpointDir);
            if (o.initFrom() != null) {
                out.println("--init-from " + o.initFrom().describe() + " has no further effect: the checkpoint holds the run's weights and vocabularies");
            }
        } else if (o.initFrom() != null) {
            // fine-tuning: the bundle's vocabularies and the member's shape and weights, the run's dropout
            initSource = o.initFrom().resolve(o.task());
            Architecture member = initSource.architecture();
            o.initFrom().requireShape(o.fixedOnResume(), member);
            BundleConfig.TokenizerFiles files = initSource.config().tokenizer();
            sourceTok = o.initFrom().tokenizer(initSource, files.sourcePrefix(), member.sourceVocabularySize());
            targetTok = o.initFrom().tokenizer(initSource, files.targetPrefix(), member.targetVocabularySize());
            if (o.task().equals(BundleConfig.TRANSLATE) && !Placeholders.supportedBy(targetTok.vocabulary())) {
                sourceTok = InitFrom.withPlaceholders(sourceTok);
                targetTok = InitFrom.withPlaceholders(targetTok);
                out.printf(Locale.ROOT, "vocabularies extended by %d placeholder pieces for protected spans (new embedding rows and output columns start untrained)%n",
                        Placeholders.COUNT);
            }
            sourceTok.save(checkpointDir, ModelBundle.SOURCE_PREFIX);
            targetTok.save(checkpointDir, ModelBundle.TARGET_PREFIX);
            out.printf(Locale.ROOT, "fine-tuning %s: its vocabularies (source %d, target %d pieces) and weights, dropout %s%n",
                    o.initFrom().describe(), sourceTok.vocabulary().size(), targetTok.vocabulary().size(), o.dropout());
        } else {
            long t0 = System.nanoTime();
            sourceTok = new BpeTrainer(o.sourceVocabularySize(), CHAR_COVERAGE).train(train.pairs().stream().map(ParallelCorpus.Pair::source).toList());
            targetTok = new BpeTrainer(o.targetVocabularySize(), CHAR_COVERAGE).train(train.pairs().stream().map(ParallelCorpus.Pair::target).toList());
            if (o.task().equals(BundleConfig.TRANSLATE)) {   // protected spans travel as placeholder pieces
                sourceTok = InitFrom.withPlaceholders(sourceTok);
                targetTok = InitFrom.withPlaceholders(targetTok);
            }
            sourceTok.save(checkpointDir, ModelBundle.SOURCE_PREFIX);
            targetTok.save(checkpointDir, ModelBundle.TARGET_PREFIX);
            out.printf(Locale.ROOT, "BPE vocabularies: source %d, target %d pieces (%.1f s)%n",
                    sourceTok.vocabulary().size(), targetTok.vocabulary().size(), (System.nanoTime() - t0) / 1e9);
        }
        Architecture arch = new Architecture(o.cell(), sourceTok.vocabulary().size(), targetTok.vocabulary().size(),
                o.embeddingSize(), o.hiddenSize(), o.decoderSize(), o.attentionSize(), o.dropout());

        List<Batches.EncodedPair> pairs = encode(train.pairs(), sourceTok, targetTok);
        List<Batches.EncodedPair> devPairs = encode(dev.pairs(), sourceTok, targetTok);
        if (pairs.isEmpty() || devPairs.isEmpty()) {
            throw new IOException("no " + (pairs.isEmpty() ? "training" : "dev") + " pair has at most --max-tokens "
                    + o.maxTokens() + " subword tokens on both sides: raise --max-tokens");
        }
        long targetTokensPerEpoch = pairs.stream().mapToLong(Batches.EncodedPair::targetTokens).sum();
        out.printf(Locale.ROOT, "%d pairs within %d tokens (%d dropped as longer), %d target tokens per epoch%n",
                pairs.size(), o.maxTokens(), train.pairs().size() - pairs.size(), targetTokensPerEpoch);

        TrainingState state;
        ComputationGraph graph;
        if (resume) {
            state = JSON.readValue(checkpointDir.resolve(STATE).toFile(), TrainingState.class);
            if (state.fixed == null) {   // an older checkpoint: from now on, these options are the run's
                state.fixed = o.fixedOnResume();
            }
            List<String> changed = changedOptions(state.fixed);
            if (!changed.isEmpty()) {
                throw new IllegalArgumentException("the checkpoint in " + checkpointDir + " was written with other options: "
                        + String.join(", ", changed) + "; resume with the checkpoint's, or give another --output to start a new run");
            }
            graph = GraphFiles.read(checkpointDir.resolve(CHECKPOINT).toFile(), true);
            // applied once: running the same command again later must not undo the schedule's halvings since
            if (o.resumeLearningRate() > 0 && o.resumeLearningRate() != state.resumeLearningRateApplied) {
                out.printf(Locale.ROOT, "learning rate set to %.2g (was %.2g in the checkpoint)%n",
                        o.resumeLearningRate(), state.learningRate);
                state.learningRate = o.resumeLearningRate();
                state.resumeLearningRateApplied = o.resumeLearningRate();
            } else if (o.resumeLearningRate() > 0 && o.resumeLearningRate() != state.learningRate) {
                out.printf(Locale.ROOT, "--resume-learning-rate %.2g was applied before; continuing at the checkpoint's %.2g%n",
                        o.resumeLearningRate(), state.learningRate);
            }
            graph.setLearningRate(state.learningRate);
            if (state.stoppedEarly || state.epoch > o.epochs()) {
                out.println("this run already finished (" + (state.stoppedEarly
                        ? "early stop); delete " + checkpointDir + " to start again"
                        : "all epochs done); raise --epochs to continue or delete " + checkpointDir + " to start again"));
                writeSummary(dir, state);
                return state;
            }
        } else {
            state = new TrainingState();
            state.learningRate = o.learningRate();
            state.fixed = o.fixedOnResume();
            graph = new ComputationGraph(Seq2SeqGraph.configuration(arch, o.learningRate(), o.seed()));
            graph.init();
            if (initSource != null) {
                o.initFrom().copyWeights(initSource, graph);
            }
        }
        out.printf(Locale.ROOT, "model: %s cell, %,d parameters; epoch %d of %d, learning rate %.2g%n",
                arch.cell(), graph.params().length(), state.epoch, o.epochs(), state.learningRate);

        List<String> devSources = dev.pairs().stream().map(ParallelCorpus.Pair::source).toList();
        List<String> devTargets = dev.pairs().stream().map(ParallelCorpus.Pair::target).toList();
        Progress progress = new Progress(out, 30);
        int bos = targetTok.vocabulary().bos();
        int eos = targetTok.vocabulary().eos();
        long lastCheckpoint = System.nanoTime();
        double lossSum = 0;
        int lossCount = 0;

        while (state.epoch <= o.epochs()) {
            List<int[]> batches = Batches.plan(pairs, o.batchSize(), o.seed() + state.epoch);
            long epochTokensDone = 0;
            double epochSeconds = 0;
            for (int b = state.nextBatch; b < batches.size(); b++) {
                var data = Batches.toDataSet(pairs, batches.get(b), bos, eos);
                long t0 = System.nanoTime();
                graph.fit(data);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long tokens = 0;
                for (int i : batches.get(b)) {
                    tokens += pairs.get(i).targetTokens();
                }
                state.seconds += seconds;
                epochSeconds += seconds;
                state.targetTokens += tokens;
                epochTokensDone += tokens;
                state.step++;
                state.nextBatch = b + 1;
                // DL4J's score is the loss summed over time steps, averaged over the batch: make it per token
                double tokenLoss = graph.score() * batches.get(b).length / tokens;
                lossSum += tokenLoss;
                lossCount++;
                if (state.step % 50 == 0) {
                    state.losses.add(new TrainingState.LossPoint(state.step, lossSum / lossCount));
                    lossSum = 0;
                    lossCount = 0;
                }
                double rate = epochTokensDone / Math.max(epochSeconds, 1e-9);
                double epochEta = (targetTokensPerEpoch - epochTokensDone) / rate;
                double totalEta = epochEta + (o.epochs() - state.epoch) * targetTokensPerEpoch / rate;
                progress.update(String.format(Locale.ROOT, "epoch %d/%d", state.epoch, o.epochs()), b + 1, batches.size(),
                        String.format(Locale.ROOT, "loss %.3f  %.0f tok/s  ETA epoch %s, run %s",
                                tokenLoss, rate, Progress.duration(epochEta), Progress.duration(totalEta)),
                        b + 1 == batches.size());
                if ((System.nanoTime() - lastCheckpoint) / 60e9 >= o.checkpointMinutes()) {
                    saveCheckpoint(graph, state, checkpointDir);
                    lastCheckpoint = System.nanoTime();
                }
            }

            // end of epoch: the --select-by score (dev loss unless told) picks the best epoch and
            // drives decay and early stop; the other scores are reported beside it
            Seq2SeqModel model = model(arch, graph, sourceTok, targetTok);
            double devLoss = devLoss(model.bundle().network(), devPairs, bos, eos);
            var report = Evaluation.run(model, devSources, devTargets, DecodingOptions.greedy(DecodingOptions.MAX_LENGTH), 64, null);
            state.dev.add(new TrainingState.DevPoint(state.epoch, state.step, report.bleu().score(), report.chrf(), devLoss));
            // a run resumed from before --select-by has no kept chrF: its next epoch is kept
            boolean improved = o.selectBy().improves(o.selectBy().of(devLoss, report.bleu().score(), report.chrf()),
                    o.selectBy().of(state.bestDevLoss, state.bestBleu, state.bestChrf));
            out.printf(Locale.ROOT, "epoch %d: dev loss %.3f, BLEU %.2f, chrF %.2f (greedy, %d sentences in %.1f s)%s%n",
                    state.epoch, devLoss, report.bleu().score(), report.chrf(), devSources.size(), report.seconds(),
                    improved ? "  best " + o.selectBy().label() + " so far: saved" : "");
            for (int i = 0; i < Math.min(3, devSources.size()); i++) {
                out.printf("  %s%n    -> %s%n", devSources.get(i), report.hypotheses().get(i));
            }
            if (improved) {
                state.bestDevLoss = devLoss;
                state.bestBleu = report.bleu().score();
                state.bestChrf = report.chrf();
                state.bestEpoch = state.epoch;
                state.epochsWithoutImprovement = 0;
            }
            BundleConfig epochConfig = config(arch, state, report.chrf(), train.pairs().size(), command(dir));
            saveEpoch(checkpointDir, state.epoch, epochConfig, graph, sourceTok, targetTok);
            if (improved) {
                BundleWriter.save(dir, epochConfig, graph, sourceTok, targetTok);
                writeSourceWords(dir);
            } else {
                state.epochsWithoutImprovement++;
                state.learningRate *= o.learningRateDecay();
                graph.setLearningRate(state.learningRate);
                out.printf(Locale.ROOT, "no %s improvement for %d epoch(s): learning rate now %.2g%n",
                        o.selectBy().label(), state.epochsWithoutImprovement, state.learningRate);
            }
            state.epoch++;
            state.nextBatch = 0;
            if (o.stopAtBleu() > 0 && state.bestBleu >= o.stopAtBleu()) {
                out.printf(Locale.ROOT, "dev BLEU reached %.2f: stopping%n", o.stopAtBleu());
                state.stoppedEarly = true;
                break;
            }
            if (state.epochsWithoutImprovement >= o.patience()) {
                out.println("early stop: " + o.selectBy().label() + " has not improved for " + o.patience() + " epochs");
                state.stoppedEarly = true;
                break;
            }
            saveCheckpoint(graph, state, checkpointDir);
            lastCheckpoint = System.nanoTime();
            writeSummary(dir, state);
        }
        saveCheckpoint(graph, state, checkpointDir);
        writeSummary(dir, state);
        out.printf(Locale.ROOT, "done: best epoch %d (dev BLEU %.2f); %s of training, %.0f target tokens/s; bundle in %s%n",
                state.bestEpoch, state.bestBleu, Progress.duration(state.seconds), state.targetTokens / state.seconds, dir);
        return state;
    }

    /** The fixed options given now that differ from the checkpoint's, as "--flag now (checkpoint: then)". */
    private List<String> changedOptions(Map<String, String> checkpoint) {
        return o.fixedOnResume().entrySet().stream()
                .filter(e -> checkpoint.containsKey(e.getKey()) && !e.getValue().equals(checkpoint.get(e.getKey())))
                .map(e -> e.getKey() + " " + e.getValue() + " (checkpoint: " + checkpoint.get(e.getKey()) + ")")
                .toList();
    }

    /**
     * Mean per-token cross-entropy on the dev pairs, teacher-forced, without dropout. It runs the
     * serving decoder ({@link EncoderDecoder}, tested equal to the graph) over the gold prefixes:
     * DL4J M2.1's {@code score} and {@code output} reuse a stale minibatch size in the graph's
     * preprocessors and fail on dev batches of other sizes.
     */
    private double devLoss(EncoderDecoder network, List<Batches.EncodedPair> devPairs, int bos, int eos) {
        double total = 0;
        long tokens = 0;
        for (int[] batch : Batches.plan(devPairs, o.batchSize(), 0)) {
            int[][] sources = new int[batch.length][];
            for (int r = 0; r < batch.length; r++) {
                sources[r] = devPairs.get(batch[r]).source();
            }
            DecoderStep step = network.start(sources, bos, eos);
            DecoderState state = step.initialState();
            int length = devPairs.get(batch[0]).targetTokens();   // a batch holds one target length
            int vocab = step.vocabularySize();
            int[] previous = new int[batch.length];
            java.util.Arrays.fill(previous, bos);
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

    private List<Batches.EncodedPair> encode(List<ParallelCorpus.Pair> pairs, BpeTokenizer src, BpeTokenizer tgt) {
        List<Batches.EncodedPair> out = new ArrayList<>(pairs.size());
        int srcEos = src.vocabulary().eos();
        for (ParallelCorpus.Pair p : pairs) {
            int[] s = src.encode(p.source());
            int[] t = tgt.encode(p.target());
            if (s.length + 1 > o.maxTokens() || t.length + 1 > o.maxTokens() || s.length == 0 || t.length == 0) {
                continue;
            }
            int[] withEos = java.util.Arrays.copyOf(s, s.length + 1);
            withEos[s.length] = srcEos;
            out.add(new Batches.EncodedPair(withEos, t));
        }
        return out;
    }

    private Seq2SeqModel model(Architecture arch, ComputationGraph graph, BpeTokenizer src, BpeTokenizer tgt) {
        BundleConfig config = config(arch, new TrainingState(), 0, 0, null);
        return new Seq2SeqModel(new ModelBundle(o.output(), config, src, tgt, List.of(new EncoderDecoder(arch, graph))));
    }

    private void writeSourceWords(Path bundle) throws IOException {
        if (!sourceWords.isEmpty()) {
            sourceWords.write(bundle.resolve(ModelBundle.SOURCE_PREFIX + ModelBundle.WORDS_SUFFIX));
        }
    }

    /**
     * Keeps every epoch's weights as a bundle in {@code checkpoint/epochs/<epoch>}, the last
     * {@value #KEPT_EPOCHS} of them, for {@link WeightAveraging}.
     */
    private void saveEpoch(Path checkpointDir, int epoch, BundleConfig config, ComputationGraph graph,
                           BpeTokenizer sourceTok, BpeTokenizer targetTok) throws IOException {
        Path epochs = checkpointDir.resolve(EPOCHS_DIR);
        BundleWriter.save(epochs.resolve(Integer.toString(epoch)), config, graph, sourceTok, targetTok);
        writeSourceWords(epochs.resolve(Integer.toString(epoch)));
        try (var dirs = Files.list(epochs)) {
            for (Path old : dirs.filter(d -> d.getFileName().toString().matches("\\d+")
                    && Integer.parseInt(d.getFileName().toString()) <= epoch - KEPT_EPOCHS).toList()) {
                try (var files = Files.list(old)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(old);
            }
        }
    }

    private void saveCheckpoint(ComputationGraph graph, TrainingState state, Path checkpointDir) throws IOException {
        Path tmp = checkpointDir.resolve(CHECKPOINT + ".tmp");
        GraphFiles.write(graph, tmp.toFile(), true);
        Files.move(tmp, checkpointDir.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
        Path stateTmp = checkpointDir.resolve(STATE + ".tmp");
        JSON.writeValue(stateTmp.toFile(), state);
        Files.move(stateTmp, checkpointDir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The rebuild command written into the bundle's card by hand, if any: kept when the card is rewritten. */
    private static String command(Path dir) {
        if (!Files.isRegularFile(dir.resolve(ModelBundle.CONFIG))) {
            return null;
        }
        BundleConfig.Training t = BundleReader.readConfig(dir).training();
        return t == null ? null : t.command();
    }

    private BundleConfig config(Architecture arch, TrainingState state, double devChrf, long trainPairs, String command) {
        boolean chat = BundleConfig.CHAT.equals(o.task());
        var decoding = chat
                ? new BundleConfig.Decoding("sampling", 1, 0, o.sampling().temperature(), 40, o.sampling().topP(), 3, 1.5, o.sampling().samples(),
                        o.maxTokens(), null)   // replies as long as the longest trained on, whatever the message's length
                : new BundleConfig.Decoding("beam", 5, 0.6, 1, 0, 1, 0, 2.0, null, null, null);
        var data = new BundleConfig.Data(o.dataName(), o.dataLicence(), o.dataAttribution(),
                o.trainFile().getFileName().toString(), o.devFile().getFileName().toString(),
                o.sourceColumn(), o.targetColumn(), trainPairs);
        Map<String, Object> scores = new LinkedHashMap<>();
        if (!state.dev.isEmpty()) {
            TrainingState.DevPoint last = state.dev.get(state.dev.size() - 1);
            scores.put("devLoss", Math.round(last.loss() * 1000) / 1000.0);
            scores.put("devBleuGreedy", round(last.bleu()));
            scores.put("devChrfGreedy", round(devChrf));
        }
        return new BundleConfig(BundleConfig.FORMAT, o.output().getFileName().toString(), o.task(),
                o.sourceLanguage(), o.targetLanguage(), arch, BundleConfig.SpecialTokens.standard(),
                new BundleConfig.TokenizerFiles("bpe", ModelBundle.SOURCE_PREFIX, ModelBundle.TARGET_PREFIX, o.sourceSegmenter()),
                ModelBundle.WEIGHTS, null, o.maxTokens(), o.usesConversationHistory(), decoding, data,
                training(hyperparameters(), state, command), scores);
    }

    private static BundleConfig.Training training(Map<String, Object> hp, TrainingState state, String command) {
        return new BundleConfig.Training(hp, state.dev.size(), state.bestEpoch, round(state.seconds),
                round(state.seconds > 0 ? state.targetTokens / state.seconds : 0), command);
    }

    /** The options that shape the model, for its card. */
    private Map<String, Object> hyperparameters() {
        Map<String, Object> hp = new LinkedHashMap<>();
        hp.put("cell", o.cell());
        hp.put("embeddingSize", o.embeddingSize());
        hp.put("hiddenSize", o.hiddenSize());
        hp.put("decoderSize", o.decoderSize());
        hp.put("attentionSize", o.attentionSize());
        hp.put("dropout", o.dropout());
        hp.put("learningRate", o.learningRate());
        hp.put("learningRateDecay", o.learningRateDecay());
        hp.put("batchSize", o.batchSize());
        hp.put("maxTokens", o.maxTokens());
        hp.put("sourceVocabularySize", o.sourceVocabularySize());
        hp.put("targetVocabularySize", o.targetVocabularySize());
        hp.put("maxPairs", o.maxPairs());
        hp.put("patience", o.patience());
        hp.put("selectBy", o.selectBy().name().toLowerCase(Locale.ROOT));
        hp.put("seed", o.seed());
        hp.put("optimizer", "Adam, no gradient clipping");
        if (o.initFrom() != null) {
            hp.put("initFrom", o.initFrom().describe());
        }
        return hp;
    }

    /** Rewrites the best bundle's training summary (epochs, time, tokens/s) and its loss/BLEU plot. */
    private void writeSummary(Path dir, TrainingState state) throws IOException {
        if (!Files.isRegularFile(dir.resolve(ModelBundle.CONFIG))) {
            return;   // no epoch finished yet
        }
        BundleWriter.writeConfig(dir, withTraining(BundleReader.readConfig(dir), state));
        TrainingPlot.write(state, o.output().getFileName() + ": training loss and dev BLEU", dir.resolve(PLOT));
    }

    /**
     * The card with the run's epochs, time and tokens/s brought up to date. Its hyperparameters
     * (those that trained these weights, plus marks such as {@link WeightAveraging#AVERAGED}) and
     * its hand-written command are kept.
     */
    private BundleConfig withTraining(BundleConfig c, TrainingState state) {
        BundleConfig.Training t = c.training();
        Map<String, Object> hp = t == null || t.hyperparameters() == null ? hyperparameters() : t.hyperparameters();
        return c.withTraining(training(hp, state, t == null ? null : t.command()));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

package dev.seq2seq.training;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleWriter;
import dev.seq2seq.nn.GraphFiles;
import dev.seq2seq.recipe.TrainingOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run's checkpoint directory: the graph with its updater state and the {@link TrainingState}
 * (both replaced atomically), the vocabularies, and the last {@value Trainer#KEPT_EPOCHS} epochs'
 * bundles in {@value Trainer#EPOCHS_DIR}. Resuming checks that the options that must not change
 * have not.
 */
final class Checkpoints {
    private static final String CHECKPOINT = "graph.zip";
    private static final String STATE = "state.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    Checkpoints(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Whether a run has left a checkpoint here to resume from. */
    boolean exists() {
        return Files.isRegularFile(dir.resolve(STATE));
    }

    /** The fixed options of the checkpoint here (flag to value), or an empty map where there is none or it predates them. */
    Map<String, String> fixedOptions() throws IOException {
        if (!exists()) {
            return Map.of();
        }
        TrainingState state = JSON.readValue(dir.resolve(STATE).toFile(), TrainingState.class);
        return state.fixed == null ? Map.of() : state.fixed;
    }

    /**
     * The checkpoint's state and graph, refused when a fixed option differs from the checkpoint's;
     * {@code --resume-learning-rate} is applied once (running the same command again later must not
     * undo the schedule's halvings since).
     */
    Trainer.Start resume(TrainingOptions o, PrintStream out) throws IOException {
        TrainingState state = JSON.readValue(dir.resolve(STATE).toFile(), TrainingState.class);
        if (state.fixed == null) {   // an older checkpoint: from now on, these options are the run's
            state.fixed = o.fixedOnResume();
        }
        List<String> changed = changedOptions(o, state.fixed);
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint in " + dir + " was written with other options: "
                    + String.join(", ", changed) + "; resume with the checkpoint's, or give another --output to start a new run");
        }
        ComputationGraph graph = GraphFiles.read(dir.resolve(CHECKPOINT).toFile(), true);
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
        return new Trainer.Start(state, graph);
    }

    /** The fixed options given now that differ from the checkpoint's, as "--flag now (checkpoint: then)". */
    private static List<String> changedOptions(TrainingOptions o, Map<String, String> checkpoint) {
        return o.fixedOnResume().entrySet().stream()
                .filter(e -> checkpoint.containsKey(e.getKey()) && !e.getValue().equals(checkpoint.get(e.getKey())))
                .map(e -> e.getKey() + " " + e.getValue() + " (checkpoint: " + checkpoint.get(e.getKey()) + ")")
                .toList();
    }

    /** Writes the graph (with updater state) and the state, each through a temporary file. */
    void save(ComputationGraph graph, TrainingState state) throws IOException {
        Path tmp = dir.resolve(CHECKPOINT + ".tmp");
        GraphFiles.write(graph, tmp.toFile(), true);
        Files.move(tmp, dir.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING);
        Path stateTmp = dir.resolve(STATE + ".tmp");
        JSON.writeValue(stateTmp.toFile(), state);
        Files.move(stateTmp, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Keeps every epoch's weights as a bundle in {@code checkpoint/epochs/<epoch>}, the last
     * {@value Trainer#KEPT_EPOCHS} of them, for {@link dev.seq2seq.assembly.WeightAveraging}.
     */
    void saveEpoch(int epoch, BundleConfig config, ComputationGraph graph, Vocabularies vocabularies, CardWriter cards)
            throws IOException {
        Path epochs = dir.resolve(Trainer.EPOCHS_DIR);
        BundleWriter.save(epochs.resolve(Integer.toString(epoch)), config, graph, vocabularies.source(), vocabularies.target());
        cards.writeSourceWords(epochs.resolve(Integer.toString(epoch)));
        try (var dirs = Files.list(epochs)) {
            for (Path old : dirs.filter(d -> d.getFileName().toString().matches("\\d+")
                    && Integer.parseInt(d.getFileName().toString()) <= epoch - Trainer.KEPT_EPOCHS).toList()) {
                try (var files = Files.list(old)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
                Files.delete(old);
            }
        }
    }
}

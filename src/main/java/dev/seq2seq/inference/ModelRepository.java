package dev.seq2seq.inference;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.bundle.ModelBundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every model bundle of a models directory (each subdirectory holding a {@code config.json}),
 * loaded, validated and warmed up by decoding one sentence, so a service that holds a repository
 * can answer at once.
 */
public final class ModelRepository {
    private final Path directory;
    private final List<Seq2SeqModel> models;

    private ModelRepository(Path directory, List<Seq2SeqModel> models) {
        this.directory = directory;
        this.models = List.copyOf(models);
    }

    /** Loads every bundle under {@code directory}; a bundle that fails to load fails the whole load with its message. */
    public static ModelRepository load(Path directory, Consumer<String> log) {
        if (!Files.isDirectory(directory)) {
            throw new ModelBundleException(directory, "models directory does not exist (working directory: "
                    + Path.of("").toAbsolutePath() + ")");
        }
        List<Path> bundles;
        try (Stream<Path> children = Files.list(directory)) {
            bundles = children.filter(p -> Files.isRegularFile(p.resolve(ModelBundle.CONFIG))).sorted().toList();
        } catch (IOException e) {
            throw new ModelBundleException(directory, "cannot list the models directory: " + e.getMessage(), e);
        }
        if (bundles.isEmpty()) {
            throw new ModelBundleException(directory, "holds no model bundle (no subdirectory with a " + ModelBundle.CONFIG + ")");
        }
        List<Seq2SeqModel> models = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path dir : bundles) {
            long start = System.nanoTime();
            Seq2SeqModel model = new Seq2SeqModel(BundleReader.load(dir));
            BundleConfig c = model.bundle().config();
            // a translation pair may have two bundles, one "fast" and one "best" (BundleConfig.quality)
            String key = c.task() + " " + c.sourceLanguage() + "->" + c.targetLanguage()
                    + (c.quality() == null ? "" : " (" + c.quality() + ")");
            Path other = seen.putIfAbsent(key, dir);
            if (other != null) {
                throw new ModelBundleException(dir, "is a second " + key + " model besides " + other
                        + "; keep one, or give the two \"quality\" \"fast\" and \"best\" in config.json");
            }
            model.generate(List.of("hello"), model.defaultOptions().withMaxLength(8));   // warm-up
            models.add(model);
            log.accept(String.format("loaded %s (%s %s->%s, %,d parameters) in %.1f s", dir.getFileName(), c.task(),
                    c.sourceLanguage(), c.targetLanguage(), model.bundle().parameterCount(),
                    (System.nanoTime() - start) / 1e9));
        }
        return new ModelRepository(directory, models);
    }

    public Path directory() {
        return directory;
    }

    public List<Seq2SeqModel> models() {
        return models;
    }

    /** The models of one task ({@link BundleConfig#TRANSLATE} or {@link BundleConfig#CHAT}). */
    public List<Seq2SeqModel> byTask(String task) {
        return models.stream().filter(m -> m.bundle().config().task().equals(task)).toList();
    }
}

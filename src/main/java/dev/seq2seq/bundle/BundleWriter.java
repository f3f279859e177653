package dev.seq2seq.bundle;

import dev.seq2seq.nn.GraphFiles;
import dev.seq2seq.text.BpeTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.deeplearning4j.nn.graph.ComputationGraph;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes model directories that {@link BundleReader} reads: {@code config.json}, the weights without
 * updater state and both tokenizers. Each file goes through a temporary one, so a process stopped
 * mid-write leaves the old file.
 */
public final class BundleWriter {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BundleWriter() {}

    /** Writes config.json, the weights without updater state and both tokenizers into a directory. */
    public static void save(Path directory, BundleConfig config, ComputationGraph graph,
                            BpeTokenizer source, BpeTokenizer target) throws IOException {
        Files.createDirectories(directory);
        source.save(directory, config.tokenizer().sourcePrefix());
        target.save(directory, config.tokenizer().targetPrefix());
        Path weights = ModelBundle.weightsFile(directory, config);
        Path tmp = weights.resolveSibling(weights.getFileName() + ".tmp");
        GraphFiles.write(graph, tmp.toFile(), false);
        Files.move(tmp, weights, StandardCopyOption.REPLACE_EXISTING);
        writeConfig(directory, config);
    }

    /** Copies a bundle's {@code source.words} (where it has one) into another bundle directory. */
    public static void copySourceWords(Path from, Path to) throws IOException {
        Path words = from.resolve(ModelBundle.SOURCE_PREFIX + ModelBundle.WORDS_SUFFIX);
        if (Files.isRegularFile(words)) {
            Files.copy(words, to.resolve(ModelBundle.SOURCE_PREFIX + ModelBundle.WORDS_SUFFIX), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes config.json through a temporary file, so a process stopped mid-write leaves the old card. */
    public static void writeConfig(Path directory, BundleConfig config) throws IOException {
        Path tmp = directory.resolve(ModelBundle.CONFIG + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(config));
        Files.move(tmp, directory.resolve(ModelBundle.CONFIG), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}

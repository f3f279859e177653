package dev.seq2seq.bundle;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages write the tiny test bundle. */
public final class TinyBundleAccess {
    private TinyBundleAccess() {}

    public static Path write(Path dir) throws IOException {
        return TinyBundle.write(dir);
    }

    /** A copy of a committed tiny bundle ({@code src/test/resources/tiny-models/<name>}) in {@code dir}. */
    public static Path copyCommitted(String name, Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        try (var files = java.nio.file.Files.list(Path.of("src/test/resources/tiny-models", name))) {
            for (Path file : files.toList()) {
                java.nio.file.Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }
}

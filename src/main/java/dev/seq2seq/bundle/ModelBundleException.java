package dev.seq2seq.bundle;

import java.nio.file.Path;

/** A model bundle that cannot be used; the message names the file and the problem. */
public class ModelBundleException extends RuntimeException {
    public ModelBundleException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelBundleException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}

package dev.seq2seq.inference;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages write the tiny test bundle. */
public final class TinyBundleAccess {
    private TinyBundleAccess() {}

    public static Path write(Path dir) throws IOException {
        return TinyBundle.write(dir);
    }
}

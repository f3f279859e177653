package dev.seq2seq;

import dev.seq2seq.nn.NativeBackend;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Chooses ND4J's native variant before any test loads ND4J, as the application's main does: left
 * to itself, JavaCPP would load the AVX-512 build first, which dies on a CPU without AVX-512.
 * Registered for every test class through JUnit's extension auto-detection.
 */
public class NativeBackendExtension implements BeforeAllCallback {
    static {
        NativeBackend.select();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // the static initializer did the work, once, when JUnit created the extension
    }
}

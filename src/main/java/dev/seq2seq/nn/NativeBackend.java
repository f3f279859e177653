package dev.seq2seq.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses ND4J's native library variant before ND4J loads. The jar carries the generic x86-64
 * natives and the oneDNN AVX-512 build; the latter is much faster for the small matrix products
 * of decoding but only runs where the CPU has AVX-512, so it is picked only there. Setting
 * {@code org.bytedeco.javacpp.platform.extension} yourself (e.g. to an empty string) overrides this.
 */
public final class NativeBackend {
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    static final String AVX512_EXTENSION = "-onednn-avx512";

    private NativeBackend() {}

    public static void select() {
        if (System.getProperty(EXTENSION_PROPERTY) != null) {
            return;
        }
        // always set: left unset, JavaCPP tries every variant on the class path, the AVX-512 one first,
        // and that dies with SIGILL on a CPU without AVX-512
        System.setProperty(EXTENSION_PROPERTY, hasAvx512() && available(AVX512_EXTENSION) ? AVX512_EXTENSION : "");
    }

    /** The variant in use: the extension, or "generic". */
    public static String describe() {
        String ext = System.getProperty(EXTENSION_PROPERTY, "");
        return ext.isEmpty() ? "generic x86-64" : ext.substring(1);
    }

    static boolean hasAvx512() {
        try {
            String cpuinfo = Files.readString(Path.of("/proc/cpuinfo")).toLowerCase(Locale.ROOT);
            return cpuinfo.contains(" avx512f") && cpuinfo.contains(" avx512bw") && cpuinfo.contains(" avx512vl")
                    && cpuinfo.contains(" avx512dq");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean available(String extension) {
        String resource = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64" + extension + "/";
        return NativeBackend.class.getClassLoader().getResource(resource) != null;
    }
}

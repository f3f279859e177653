package dev.seq2seq.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.BundleWriter;
import dev.seq2seq.bundle.ModelBundleException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRepositoryTest {
    private static final Path TINY = Path.of("src/test/resources/tiny-models/es-en");

    /** The tiny es-en bundle copied under another name with the given quality (null: none). */
    private static void copy(Path models, String name, String quality) throws Exception {
        Path dir = Files.createDirectories(models.resolve(name));
        try (var files = Files.list(TINY)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        BundleConfig c = BundleReader.readConfig(TINY);
        BundleWriter.writeConfig(dir, new BundleConfig(c.format(), name, c.task(), c.sourceLanguage(), c.targetLanguage(),
                c.architecture(), c.specialTokens(), c.tokenizer(), c.weights(), c.ensemble(), c.maxSourceTokens(),
                c.usesConversationHistory(), c.decoding(), c.data(), c.training(), c.scores(), quality));
    }

    @Test
    void aPairMayHaveAFastAndABestBundle(@TempDir Path models) throws Exception {
        copy(models, "es-en", "best");
        copy(models, "es-en-fast", "fast");
        assertThat(ModelRepository.load(models, line -> {}).models()).extracting(m -> m.bundle().config().quality())
                .containsExactlyInAnyOrder("best", "fast");
    }

    @Test
    void twoBundlesOfOnePairWithTheSameQualityAreRefused(@TempDir Path models) throws Exception {
        copy(models, "a", null);
        copy(models, "b", null);
        assertThatThrownBy(() -> ModelRepository.load(models, line -> {})).isInstanceOf(ModelBundleException.class)
                .hasMessageContaining("is a second translate es->en model").hasMessageContaining("\"fast\" and \"best\"");
    }
}

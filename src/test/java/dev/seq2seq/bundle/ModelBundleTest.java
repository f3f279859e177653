package dev.seq2seq.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.inference.Seq2SeqModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading validates the bundle and names the file and the problem. */
class ModelBundleTest {
    @Test
    void everyShippedCardNamesItsDataLicenceAttributionScoresAndCommand() throws Exception {
        try (var dirs = Files.list(Path.of("models"))) {
            var bundles = dirs.filter(d -> Files.isRegularFile(d.resolve(ModelBundle.CONFIG))).sorted().toList();
            assertThat(bundles).extracting(d -> d.getFileName().toString())
                    .contains("de-en", "en-chat", "en-es", "es-en", "ko-chat");
            for (Path bundle : bundles) {
                BundleConfig c = BundleReader.readConfig(bundle);
                assertThat(c.name()).as(bundle + " name").isEqualTo(bundle.getFileName().toString());
                assertThat(c.data().name()).as(bundle + " data name").isNotBlank();
                assertThat(c.data().licence()).as(bundle + " licence").isNotBlank();
                assertThat(c.data().attribution()).as(bundle + " attribution").isNotBlank();
                assertThat(c.scores()).as(bundle + " scores").isNotEmpty();
                assertThat(c.training().command()).as(bundle + " command").contains(" train ");
                assertThat(bundle.resolve("README.md")).as(bundle + " card").isRegularFile();
            }
        }
    }

    @Test
    void missingConfigIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> BundleReader.load(dir))
                .isInstanceOf(ModelBundleException.class)
                .hasMessageContaining("config.json").hasMessageContaining("missing");
    }

    @Test
    void invalidJsonIsNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{ not json");
        assertThatThrownBy(() -> BundleReader.load(dir)).hasMessageContaining("config.json").hasMessageContaining("invalid");
    }

    @Test
    void wrongTaskLanguageAndVocabularyAreReported(@TempDir Path dir) throws Exception {
        Path bundle = TinyBundle.write(dir.resolve("b"));
        String config = Files.readString(bundle.resolve("config.json"));

        Files.writeString(bundle.resolve("config.json"), config.replace("\"translate\"", "\"summarize\""));
        assertThatThrownBy(() -> BundleReader.load(bundle)).hasMessageContaining("config.json").hasMessageContaining("task");

        Files.writeString(bundle.resolve("config.json"), config.replace("\"es\"", "\"spanish\""));
        assertThatThrownBy(() -> BundleReader.load(bundle)).hasMessageContaining("ISO 639-1");

        Files.writeString(bundle.resolve("config.json"), config.replace("\"translate\",", "\"translate\", \"quality\" : \"great\","));
        assertThatThrownBy(() -> BundleReader.load(bundle)).hasMessageContaining("quality must be 'fast' or 'best'");
        Files.writeString(bundle.resolve("config.json"), config.replace("\"translate\",", "\"translate\", \"quality\" : \"fast\","));
        assertThat(BundleReader.load(bundle).config().quality()).isEqualTo("fast");

        Files.writeString(bundle.resolve("config.json"), config);
        Files.writeString(bundle.resolve("target.vocab"), "<pad>\n<unk>\n<s>\n</s>\n");
        assertThatThrownBy(() -> BundleReader.load(bundle)).hasMessageContaining("target.vocab");
    }

    @Test
    void decodingSamplesOutOfRangeOrWithBeamSearchAreReported(@TempDir Path dir) throws Exception {
        Path bundle = TinyBundle.write(dir.resolve("b"));
        String config = Files.readString(bundle.resolve("config.json"));
        assertThat(config).contains("\"strategy\" : \"beam\"").doesNotContain("samples");

        Files.writeString(bundle.resolve("config.json"), config.replace("\"strategy\" : \"beam\"", "\"strategy\" : \"beam\", \"samples\" : 4"));
        assertThatThrownBy(() -> BundleReader.load(bundle)).hasMessageContaining("config.json").hasMessageContaining("decoding.samples applies to sampling");

        Files.writeString(bundle.resolve("config.json"), config.replace("\"strategy\" : \"beam\"", "\"strategy\" : \"sampling\", \"samples\" : 0"));
        assertThatThrownBy(() -> BundleReader.load(bundle)).hasMessageContaining("config.json").hasMessageContaining("decoding.samples must be between 1 and 64");

        // every default setting is checked as a request's would be, not only samples
        Files.writeString(bundle.resolve("config.json"), config.replace("\"strategy\" : \"beam\"", "\"strategy\" : \"topk\""));
        assertThatThrownBy(() -> BundleReader.load(bundle)).hasMessageContaining("config.json").hasMessageContaining("decoding.strategy must be beam, sampling or greedy");
        Files.writeString(bundle.resolve("config.json"), config.replace("\"beamSize\" : 3", "\"beamSize\" : 0"));
        assertThatThrownBy(() -> BundleReader.load(bundle)).hasMessageContaining("config.json").hasMessageContaining("decoding.beamSize must be between 1 and");

        Files.writeString(bundle.resolve("config.json"), config.replace("\"strategy\" : \"beam\"", "\"strategy\" : \"sampling\", \"samples\" : 8"));
        assertThat(new Seq2SeqModel(BundleReader.load(bundle)).defaultOptions().samples()).isEqualTo(8);
    }

    @Test
    void missingOrCorruptWeightsAreReported(@TempDir Path dir) throws Exception {
        Path bundle = TinyBundle.write(dir.resolve("b"));
        Files.writeString(bundle.resolve("weights.zip"), "garbage");
        assertThatThrownBy(() -> BundleReader.load(bundle)).hasMessageContaining("weights.zip");
        Files.delete(bundle.resolve("weights.zip"));
        assertThatThrownBy(() -> BundleReader.load(bundle)).hasMessageContaining("weights.zip").hasMessageContaining("missing");
    }

    @Test
    void validBundleLoadsWithItsCard(@TempDir Path dir) throws Exception {
        ModelBundle bundle = BundleReader.load(TinyBundle.write(dir.resolve("b")));
        assertThat(bundle.config().task()).isEqualTo("translate");
        assertThat(bundle.config().data().licence()).isEqualTo("CC0");
        assertThat(bundle.sourceTokenizer().vocabulary().size()).isEqualTo(bundle.config().architecture().sourceVocabularySize());
    }
}

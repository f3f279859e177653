package dev.seq2seq.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageIdentifierTest {
    /** The profiles the service ships, built by the langid command from the training splits. */
    static final Path SHIPPED = Path.of("models/langid.tsv");

    @Test
    void shippedProfilesTellTheServicesLanguagesApart() throws IOException {
        LanguageIdentifier id = LanguageIdentifier.load(SHIPPED);
        assertThat(id.languages()).contains("en", "es", "de", "fr", "ko");
        Map<String, String> sentences = Map.of(
                "Where is the nearest train station?", "en",
                "¿Dónde está la estación de tren más cercana?", "es",
                "Wo ist der nächste Bahnhof?", "de",
                "Où est la gare la plus proche ?", "fr",
                "가장 가까운 기차역이 어디에 있나요?", "ko",
                "I would like a cup of coffee, please.", "en",
                "Me gustaría una taza de café, por favor.", "es");
        sentences.forEach((text, language) -> {
            var guesses = id.identify(text, null);
            assertThat(guesses.get(0).language()).as(text).isEqualTo(language);
            assertThat(guesses.get(0).probability()).as(text).isGreaterThan(0.5);
            assertThat(guesses.stream().mapToDouble(LanguageIdentifier.Guess::probability).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    void restrictsToTheAllowedLanguagesAndSaysNothingWithoutLetters() throws IOException {
        LanguageIdentifier id = LanguageIdentifier.load(SHIPPED);
        assertThat(id.identify("Hola, ¿qué tal?", Set.of("en", "de"))).extracting(LanguageIdentifier.Guess::language)
                .containsExactlyInAnyOrder("en", "de");
        assertThat(id.identify("12345 !!! 😀", null)).isEmpty();
    }

    @Test
    void roundTripsThroughItsFile(@TempDir Path dir) throws IOException {
        LanguageIdentifier id = LanguageIdentifier.train(Map.of(
                "en", List.of("the cat sat on the mat", "the dog and the cat"),
                "es", List.of("el gato y el perro", "la casa del gato")), 100);
        Path file = dir.resolve("p.tsv");
        id.save(file);
        LanguageIdentifier loaded = LanguageIdentifier.load(file);
        assertThat(loaded.identify("the mat", null).get(0).language()).isEqualTo("en");
        assertThat(loaded.identify("el perro", null).get(0).language()).isEqualTo("es");
        assertThat(loaded.identify("the mat", null).get(0).probability())
                .isCloseTo(id.identify("the mat", null).get(0).probability(), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void namesTheFileAndLineOfABadProfile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, "en\t<unseen>\t-9.0\nen\tab\tnot-a-number\n");
        assertThatThrownBy(() -> LanguageIdentifier.load(file)).hasMessageContaining("bad.tsv").hasMessageContaining("line 2");
    }
}

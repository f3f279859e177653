package dev.seq2seq.ngrams;

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

    @Test
    void theShippedCalibrationMakesTheConfidenceTheShareOfRightAnswers() throws IOException {
        LanguageIdentifier id = LanguageIdentifier.load(SHIPPED);
        assertThat(id.calibration()).isPresent();
        var sentence = id.identify("¿Dónde está la estación de tren más cercana?", null);
        assertThat(sentence.get(0).probability()).isGreaterThan(0.99);
        var oneWord = id.identify("Tom", null);   // a name in every language's sentences: no language is likely
        assertThat(oneWord.get(0).probability()).isLessThan(sentence.get(0).probability());
        assertThat(oneWord.stream().mapToDouble(LanguageIdentifier.Guess::probability).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        // the best language is the same with and without the calibration; only its probability changes
        assertThat(id.identify("Hola", null).get(0).language()).isEqualTo(id.uncalibrated().identify("Hola", null).get(0).language());
        assertThat(id.identify("Hola", Set.of("en")).get(0).probability()).isEqualTo(1.0);   // one candidate: nothing to choose
    }

    @Test
    void fitsANonDecreasingMapThatPoolsViolations() {
        double[] scores = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0};
        boolean[] right = {false, true, false, true, true, false, true, true, true, true};
        var c = LanguageIdentifier.Calibration.fit(scores, right);
        for (int i = 1; i < c.value().length; i++) {
            assertThat(c.value()[i]).isGreaterThanOrEqualTo(c.value()[i - 1]);
            assertThat(c.upper()[i]).isGreaterThan(c.upper()[i - 1]);
        }
        assertThat(c.upper()[c.upper().length - 1]).isEqualTo(1.0);
        assertThat(c.apply(0.3)).isEqualTo(1.0 / 3);   // one wrong text: (0 + 1) / (1 + 2)
        assertThat(c.apply(1.0)).isEqualTo(5.0 / 6);   // four right texts pooled: (4 + 1) / (4 + 2)
        assertThat(c.apply(0.45)).isEqualTo(c.apply(0.5));   // 0.4 (right) and 0.5 (wrong) pooled
    }

    @Test
    void calibratesOnHeldOutTextAndKeepsTheCalibrationInItsFile(@TempDir Path dir) throws IOException {
        LanguageIdentifier id = LanguageIdentifier.train(Map.of(
                "en", List.of("the cat sat on the mat", "the dog and the cat"),
                "es", List.of("el gato y el perro", "la casa del gato")), 100).calibrate(Map.of(
                "en", List.of("the dog sat on the mat", "a cat and a dog"),
                "es", List.of("el perro y la casa", "la casa del perro")));
        Path file = dir.resolve("p.tsv");
        id.save(file);
        LanguageIdentifier loaded = LanguageIdentifier.load(file);
        assertThat(loaded.calibration().orElseThrow().value()).containsExactly(id.calibration().orElseThrow().value());
        assertThat(loaded.identify("the mat", null)).isEqualTo(id.identify("the mat", null));
        Files.writeString(file, Files.readString(file) + "<calibration>\t0.5\t0.9\n");   // a bound below the one before
        assertThatThrownBy(() -> LanguageIdentifier.load(file)).hasMessageContaining("p.tsv").hasMessageContaining("<calibration>");
    }
}

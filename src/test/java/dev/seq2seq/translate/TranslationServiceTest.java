package dev.seq2seq.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.inference.Generator;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.inference.Seq2SeqModel.Generation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score /translate reports: mean log-probability per prediction the search made. */
class TranslationServiceTest {
    private static final Seq2SeqModel TINY = new Seq2SeqModel(BundleReader.load(Path.of("src/test/resources/tiny-models/es-en")));

    /** Every segment decodes to two tokens with log-probability -3, having produced the end token or not. */
    private static TranslationService service(boolean ended) {
        Generator scripted = (model, texts, options) -> texts.stream()
                .map(t -> List.of(new Generation("a b", new int[] {5, 6}, -3.0, -3.0, ended ? 3 : 2))).toList();
        return new TranslationService(List.of(TINY), null, scripted, dev.seq2seq.request.WorkLimits.DEFAULT.withTexts(1000, 10));
    }

    private static double score(TranslationService service, String text) {
        return service.translate(new TranslationRequest(List.of(text), "es", "en", "text", 0, null, null)).get(0).score();
    }

    @Test
    void aTranslationCutAtItsLengthLimitIsScoredOverTheTokensItProduced() {
        assertThat(score(service(true), "hola")).isCloseTo(-1.0, offset(1e-9));    // -3 over a, b and the end token
        assertThat(score(service(false), "hola")).isCloseTo(-1.5, offset(1e-9));   // -3 over a and b
        // two sentences: the sums and the counts add up
        assertThat(score(service(false), "hola. el gato come.")).isCloseTo(-6.0 / 4, offset(1e-9));
    }

    /** A model that answers each sentence with itself in angle brackets: shows what the service sends and how it reassembles. */
    private static TranslationService echo(List<String> seen) {
        Generator echo = (model, texts, options) -> texts.stream().map(t -> {
            seen.add(t);
            return List.of(new Generation("<" + t + ">", new int[] {5}, -1.0, -1.0, 1));
        }).toList();
        return new TranslationService(List.of(TINY), null, echo, dev.seq2seq.request.WorkLimits.DEFAULT.withTexts(1000, 10));
    }

    private static String translate(TranslationService service, String text) {
        return service.translate(new TranslationRequest(List.of(text), "es", "en", "text", 0, null, null)).get(0).text();
    }

    @Test
    void linesBlankLinesMarkersAndIndentationComeBackWhereTheyWere() {
        List<String> seen = new java.util.ArrayList<>();
        assertThat(translate(echo(seen), "Hola. Adiós.\n\n- pan\n  2. leche")).isEqualTo("<Hola.> <Adiós.>\n\n- <pan>\n  2. <leche>");
        assertThat(seen).containsExactly("Hola.", "Adiós.", "pan", "leche");
    }

    @Test
    void aLineInCapitalsGoesInLowerCaseAndComesBackInCapitals() {
        List<String> seen = new java.util.ArrayList<>();
        assertThat(translate(echo(seen), "TOM ABRIÓ LA CAJA.\nTom abrió.")).isEqualTo("<TOM ABRIÓ LA CAJA.>\n<Tom abrió.>");
        assertThat(seen).containsExactly("tom abrió la caja.", "Tom abrió.");
    }

    @Test
    void aLineTypedWithoutCapitalsIsCapitalisedOnlyWhereTheModelLearntCapitalisedStarts() {
        // the tiny model was trained on lower-case text: "La" is no piece of its vocabulary, so nothing changes
        List<String> seen = new java.util.ArrayList<>();
        assertThat(translate(echo(seen), "la casa es grande. ¿dónde?")).isEqualTo("<la casa es grande.> <¿dónde?>");
        assertThat(seen).containsExactly("la casa es grande.", "¿dónde?");
        assertThat(TINY.knowsWord("La")).isFalse();
    }

    @Test
    void aSpanishLineWithoutPunctuationGoesInAsTyped() {
        // only English gets its full stop or question mark back (SentenceEnds); Spanish measured no better with one
        List<String> seen = new java.util.ArrayList<>();
        assertThat(translate(echo(seen), "el gato come pan")).isEqualTo("<el gato come pan>");
        assertThat(seen).containsExactly("el gato come pan");
    }

    /** The tiny bundle copied with another name and {@code quality} in its card. */
    private static Seq2SeqModel tinyAs(Path dir, String name, String quality) throws Exception {
        Path copy = dir.resolve(name);
        java.nio.file.Files.createDirectories(copy);
        try (var files = java.nio.file.Files.list(Path.of("src/test/resources/tiny-models/es-en"))) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        var c = TINY.bundle().config();
        dev.seq2seq.bundle.BundleWriter.writeConfig(copy, new dev.seq2seq.bundle.BundleConfig(c.format(), name, c.task(),
                c.sourceLanguage(), c.targetLanguage(), c.architecture(), c.specialTokens(), c.tokenizer(), c.weights(),
                c.ensemble(), c.maxSourceTokens(), c.usesConversationHistory(), c.decoding(), c.data(), c.training(),
                c.scores(), quality));
        return new Seq2SeqModel(BundleReader.load(copy));
    }

    @Test
    void aPairWithAFastAndABestBundleServesTheAskedOneAndTheDefaultOtherwise(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<Seq2SeqModel> both = List.of(tinyAs(dir, "es-en-best", "best"), tinyAs(dir, "es-en", "fast"));
        List<String> used = new java.util.ArrayList<>();
        Generator recording = (model, texts, options) -> {
            used.add(model.bundle().config().name());
            return texts.stream().map(t -> List.of(new Generation("x", new int[] {5}, -1.0, -1.0, 1))).toList();
        };
        var limits = dev.seq2seq.request.WorkLimits.DEFAULT.withTexts(1000, 10);
        TranslationService bestByDefault = new TranslationService(both, null, recording, limits);
        for (String quality : java.util.Arrays.asList(null, "fast", "best")) {
            bestByDefault.translate(new TranslationRequest(List.of("hola"), "es", "en", "text", 0, null, null, Terms.NONE,
                    SegmentTrace.Detail.NONE, quality));
        }
        new TranslationService(both, null, recording, limits, "fast").translate(new TranslationRequest(List.of("hola"), "es", "en", "text", 0, null, null));
        assertThat(used).containsExactly("es-en-best", "es-en", "es-en-best", "es-en");
        assertThat(bestByDefault.languagePairs()).containsExactly(java.util.Map.entry("es", java.util.Set.of("en")));
        // one bundle for a pair answers whatever is asked
        new TranslationService(List.of(TINY), null, recording, limits).translate(new TranslationRequest(List.of("hola"), "es", "en", "text", 0,
                null, null, Terms.NONE, SegmentTrace.Detail.NONE, "best"));
        assertThat(used).last().isEqualTo(TINY.bundle().config().name());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bestByDefault.translate(new TranslationRequest(List.of("hola"), "es", "en",
                        "text", 0, null, null, Terms.NONE, SegmentTrace.Detail.NONE, "great")))
                .isInstanceOf(dev.seq2seq.request.InvalidInputException.class).hasMessageContaining("quality must be 'fast' or 'best'");
    }

    @Test
    void twoBundlesForOnePairNeedOneFastAndOneBest(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<Seq2SeqModel> twoFast = List.of(tinyAs(dir, "a", "fast"), tinyAs(dir, "b", "fast"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TranslationService(twoFast, null, null, dev.seq2seq.request.WorkLimits.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("es->en is served by [a, b]");
        List<Seq2SeqModel> unmarked = List.of(TINY, tinyAs(dir, "c", "best"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TranslationService(unmarked, null, null, dev.seq2seq.request.WorkLimits.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"fast\" and \"best\"");
    }

    @Test
    void termsNeedAModelWithPlaceholders() {
        Terms keep = Terms.of(List.of("Zalando"), List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> echo(new java.util.ArrayList<>()).translate(
                        new TranslationRequest(List.of("Compré en Zalando."), "es", "en", "text", 0, null, null, keep)))
                .isInstanceOf(dev.seq2seq.request.InvalidInputException.class).hasMessageContaining("placeholders");
    }
}

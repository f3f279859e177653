package dev.seq2seq.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.inference.Generator;
import dev.seq2seq.inference.Seq2SeqModel.Generation;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.recipe.TrainingOptions;
import dev.seq2seq.spans.Placeholders;
import dev.seq2seq.training.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Protected spans and terms through the service with a tiny model whose vocabularies have the placeholders. */
class ProtectedSpansThroughServiceTest {
    private static final String P0 = Placeholders.of(0);
    private static final String P1 = Placeholders.of(1);
    private static Seq2SeqModel model;

    @BeforeAll
    static void trainATinyTranslationBundle(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add("pago " + i + " en la casa\tI pay " + i + " in the house");
        }
        Path pairs = Files.write(dir.resolve("pairs.tsv"), lines);
        Path out = dir.resolve("bundle");
        new Trainer(TrainingOptions.builder(pairs, pairs, out, "es", "en").epochs(1).maxTokens(80).vocabularies(280, 280)
                .cell("rnn").shape(8, 8, 8, 8).dropout(0.0).learningRate(0.01).batchSize(32).patience(5).seed(3)
                .data("synthetic", "CC0", "test").build(), new PrintStream(new ByteArrayOutputStream())).run();
        model = new Seq2SeqModel(BundleReader.load(out));
    }

    @Test
    void aGermanBundleListsTheNounsOfItsSourcesAndCopiesOnlyTheNames(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add("ich zahle " + i + " für die Nacht\tI pay " + i + " for the night");
        }
        for (int i = 0; i < 3; i++) {
            lines.add("wir bleiben zwei Nächte bei Tom\twe stay two nights with Tom");
        }
        Path pairs = Files.write(dir.resolve("pairs.tsv"), lines);
        Path out = dir.resolve("bundle");
        new Trainer(TrainingOptions.builder(pairs, pairs, out, "de", "en").epochs(1).maxTokens(80).vocabularies(280, 280)
                .cell("rnn").shape(8, 8, 8, 8).dropout(0.0).learningRate(0.01).batchSize(32).patience(5).seed(3)
                .data("synthetic", "CC0", "test").build(), new PrintStream(new ByteArrayOutputStream())).run();
        assertThat(Files.readAllLines(out.resolve("source.words"))).contains("Nächte", "wir", "zahle").doesNotContain("Tom");
        Seq2SeqModel german = new Seq2SeqModel(BundleReader.load(out));
        assertThat(german.knowsWord("Nächte")).isFalse();   // no piece of its own: without the list, a name
        assertThat(german.isNoun("Nächte")).isTrue();
        assertThat(german.isNoun("Tom")).isFalse();         // the translations carry it over: a name
        List<String> seen = new ArrayList<>();
        Generator echo = (m, texts, options) -> texts.stream().map(t -> {
            seen.add(t);
            return List.of(text(t));
        }).toList();
        TranslationService service = new TranslationService(List.of(german), null, echo, dev.seq2seq.request.WorkLimits.DEFAULT.withTexts(1000, 10));
        Translation t = service.translate(new TranslationRequest(List.of("Wir bleiben zwei Nächte bei Oluwaseun."), "de", "en", "text",
                0, null, null)).get(0);
        assertThat(seen).containsExactly("Wir bleiben zwei Nächte bei " + P0 + ".");
        assertThat(t.text()).isEqualTo("Wir bleiben zwei Nächte bei Oluwaseun.");
    }

    private static Generation text(String text) {
        return new Generation(text, new int[] {5}, -1.0, -1.0, 1);
    }

    @Test
    void aNewTranslationBundleCarriesPlaceholders() {
        assertThat(model.carriesPlaceholders()).isTrue();
        assertThat(model.bundle().sourceTokenizer().pieces("a " + P1 + "b")).contains(P1);   // one piece of its own
    }

    @Test
    void theBestHypothesisThatKeepsEverySpanIsChosenAndTheSpansComeBackExactly() {
        List<String> seen = new ArrayList<>();
        // the model's best drops a placeholder and invents a number; the second keeps both, swapped
        Generator scripted = (m, texts, options) -> texts.stream().map(t -> {
            seen.add(t);
            return List.of(text("I paid 120 " + P0 + "."), text("On " + P1 + " I paid " + P0 + "."));
        }).toList();
        TranslationService service = new TranslationService(List.of(model), null, scripted, dev.seq2seq.request.WorkLimits.DEFAULT.withTexts(1000, 10));
        Translation t = service.translate(new TranslationRequest(List.of("Pago 12,50 en IB3167."), "es", "en", "text", 0, null, null)).get(0);
        assertThat(seen).containsExactly("Pago " + P0 + " en " + P1 + ".");   // "pago" is a word of the bundle's source.words
        assertThat(t.text()).isEqualTo("On IB3167 I paid 12,50.");
    }

    @Test
    void keptAndGlossaryTermsGoThroughThePlaceholdersToo() {
        List<String> seen = new ArrayList<>();
        Generator echo = (m, texts, options) -> texts.stream().map(t -> {
            seen.add(t);
            return List.of(text(t));
        }).toList();
        TranslationService service = new TranslationService(List.of(model), null, echo, dev.seq2seq.request.WorkLimits.DEFAULT.withTexts(1000, 10));
        Terms terms = Terms.of(List.of("Tarjeta Joven"), List.of(Map.entry("oficina", "front desk")));
        Translation t = service.translate(new TranslationRequest(List.of("La tarjeta joven en la Oficina 3."), "es", "en", "text",
                0, null, null, terms)).get(0);
        // the terms go first: "Oficina 3" is no name with a model number, and 3 keeps a placeholder of its own
        assertThat(seen).containsExactly("La " + P0 + " en la " + P1 + " " + Placeholders.of(2) + ".");
        assertThat(t.text()).isEqualTo("La tarjeta joven en la front desk 3.");
    }
}

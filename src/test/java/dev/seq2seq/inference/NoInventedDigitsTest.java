package dev.seq2seq.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.recipe.TrainingOptions;
import dev.seq2seq.search.DecodingOptions;
import dev.seq2seq.training.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A translator whose numbers travel as placeholders writes no digit that its source lacks. The
 * tiny model learns to answer one sentence with a number that its source does not hold, as a
 * model trained on loose translations does ("a las tres" -> "at 3").
 */
class NoInventedDigitsTest {
    private static final DecodingOptions GREEDY = DecodingOptions.greedy(12);
    private static Path pairs;

    @BeforeAll
    static void writePairs(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            lines.add("pago en la casa\tI pay 5 euros");
            lines.add("pago en la casa 1\tI pay 5 euros");
            lines.add("pago cinco en la casa\tI pay 5 euros");
        }
        pairs = Files.write(dir.resolve("pairs.tsv"), lines);
    }

    private static Seq2SeqModel train(String task, Path out) throws Exception {
        new Trainer(TrainingOptions.builder(pairs, pairs, out, "es", "en").task(task).epochs(40).maxTokens(40).vocabularies(280, 280)
                .cell("rnn").shape(32, 32, 32, 32).dropout(0.0).learningRate(0.02).batchSize(32).patience(40).seed(3)
                .data("synthetic", "CC0", "test").build(), new PrintStream(new ByteArrayOutputStream())).run();
        return new Seq2SeqModel(BundleReader.load(out));
    }

    private static String output(Seq2SeqModel model, String text) {
        return model.generate(List.of(text), GREEDY).get(0).get(0).text();
    }

    @Test
    void aTranslatorWritesADigitOnlyWhereItsSourceHasOne(@TempDir Path dir) throws Exception {
        Seq2SeqModel model = train(BundleConfig.TRANSLATE, dir.resolve("translate"));
        assertThat(model.carriesPlaceholders()).isTrue();
        // a source with a digit of its own: the learnt answer, 5 and all
        assertThat(output(model, "pago en la casa 1")).isEqualTo("I pay 5 euros");
        // the same sentence without a digit: the learnt answer with no number in it
        String plain = output(model, "pago en la casa");
        assertThat(plain).startsWith("I pay").doesNotContainPattern("\\d");
        // a number in words may come out in digits ("a las dos y media" -> "at 2:30")
        assertThat(output(model, "pago cinco en la casa")).isEqualTo("I pay 5 euros");
        // in a batch, each source by its own rule
        var both = model.generate(List.of("pago en la casa", "pago en la casa 1"), GREEDY);
        assertThat(both.get(0).get(0).text()).isEqualTo(plain);
        assertThat(both.get(1).get(0).text()).isEqualTo("I pay 5 euros");
    }

    @Test
    void aChatModelMayWriteNumbersOfItsOwn(@TempDir Path dir) throws Exception {
        Seq2SeqModel model = train(BundleConfig.CHAT, dir.resolve("chat"));
        assertThat(output(model, "pago en la casa")).isEqualTo("I pay 5 euros");
    }
}

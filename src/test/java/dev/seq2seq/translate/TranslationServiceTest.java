package dev.seq2seq.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.seq2seq.inference.Generator;
import dev.seq2seq.inference.ModelBundle;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.inference.Seq2SeqModel.Generation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score /translate reports: mean log-probability per prediction the search made. */
class TranslationServiceTest {
    private static final Seq2SeqModel TINY = new Seq2SeqModel(ModelBundle.load(Path.of("src/test/resources/tiny-models/es-en")));

    /** Every segment decodes to two tokens with log-probability -3, having produced the end token or not. */
    private static TranslationService service(boolean ended) {
        Generator scripted = (model, texts, options) -> texts.stream()
                .map(t -> List.of(new Generation("a b", new int[] {5, 6}, -3.0, -3.0, ended ? 3 : 2))).toList();
        return new TranslationService(List.of(TINY), null, scripted, 1000, 10);
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
}

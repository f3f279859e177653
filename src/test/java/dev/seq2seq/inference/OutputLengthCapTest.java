package dev.seq2seq.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.BundleWriter;
import dev.seq2seq.bundle.ModelBundleException;
import dev.seq2seq.bundle.TinyBundle;
import dev.seq2seq.search.DecodingOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output's length cap: by default a multiple of its source's length (translation), or with
 * {@code decoding.maxTokens} the same for every source (chat replies, whose length does not
 * follow the message's). The tiny bundle's random network never picks the end of sentence on
 * these sources, so each output runs to its cap.
 */
class OutputLengthCapTest {

    private static int greedyLength(Path bundle, String source) {
        Seq2SeqModel model = new Seq2SeqModel(BundleReader.load(bundle));
        return model.generate(List.of(source), DecodingOptions.greedy(DecodingOptions.MAX_LENGTH)).get(0).get(0).tokens().length;
    }

    private static void setMaxTokens(Path bundle, Integer maxTokens) throws Exception {
        BundleConfig c = BundleReader.readConfig(bundle);
        BundleConfig.Decoding d = c.decoding();
        BundleWriter.writeConfig(bundle, new BundleConfig(c.format(), c.name(), c.task(), c.sourceLanguage(), c.targetLanguage(),
                c.architecture(), c.specialTokens(), c.tokenizer(), c.weights(), c.ensemble(), c.maxSourceTokens(),
                c.usesConversationHistory(), new BundleConfig.Decoding(d.strategy(), d.beamSize(), d.lengthPenalty(), d.temperature(),
                d.topK(), d.topP(), d.noRepeatNgram(), d.maxLengthRatio(), d.samples(), maxTokens, d.rerank()), c.data(), c.training(), c.scores()));
    }

    @Test
    void aFixedCapReplacesTheSourceLengthRule(@TempDir Path dir) throws Exception {
        Path bundle = TinyBundle.write(dir.resolve("tiny"));
        Seq2SeqModel model = new Seq2SeqModel(BundleReader.load(bundle));
        String shortSource = "hola";
        String longSource = "mañana vamos a la playa y el niño lee un libro";
        int shortTokens = model.sourceIds(shortSource).length;
        int longTokens = model.sourceIds(longSource).length;
        double ratio = BundleReader.readConfig(bundle).decoding().maxLengthRatio();

        int shortCap = (int) Math.ceil(ratio * shortTokens) + 10;
        int longCap = (int) Math.ceil(ratio * longTokens) + 10;
        assertThat(greedyLength(bundle, shortSource)).isEqualTo(shortCap);
        assertThat(greedyLength(bundle, longSource)).isEqualTo(longCap).isGreaterThan(shortCap);

        setMaxTokens(bundle, 40);   // longer than the ratio allows the short source, shorter than the long one's
        assertThat(shortCap).isLessThan(40);
        assertThat(longCap).isGreaterThan(40);
        assertThat(greedyLength(bundle, shortSource)).isEqualTo(40);
        assertThat(greedyLength(bundle, longSource)).isEqualTo(40);
    }

    @Test
    void aCapOutsideTheAllowedRangeIsRefusedAtLoad(@TempDir Path dir) throws Exception {
        Path bundle = TinyBundle.write(dir.resolve("tiny"));
        setMaxTokens(bundle, 0);
        assertThatThrownBy(() -> BundleReader.load(bundle)).isInstanceOf(ModelBundleException.class)
                .hasMessageContaining("decoding.maxTokens must be between 1 and " + DecodingOptions.MAX_LENGTH);
    }
}

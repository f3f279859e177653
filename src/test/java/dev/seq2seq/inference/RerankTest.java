package dev.seq2seq.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.BundleWriter;
import dev.seq2seq.bundle.ModelBundleException;
import dev.seq2seq.bundle.TinyBundle;
import dev.seq2seq.inference.Seq2SeqModel.Generation;
import dev.seq2seq.search.DecodingOptions;
import dev.seq2seq.search.ForcedScoring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RerankTest {

    /** The tiny bundle turned into a chat bundle whose replies are reranked with this memory. */
    private static Seq2SeqModel chatBundle(Path dir, double antiLm, String memory) throws Exception {
        Path bundle = TinyBundle.write(dir.resolve("tiny"));
        Files.writeString(bundle.resolve("memory.tsv"), memory);
        BundleConfig c = BundleReader.readConfig(bundle);
        BundleConfig.Decoding sampling = new BundleConfig.Decoding("sampling", 1, 0, 1.0, 0, 1.0, 0, 2.0, 4, 12,
                new BundleConfig.Rerank("memory.tsv", 2, antiLm));
        BundleWriter.writeConfig(bundle, new BundleConfig(c.format(), c.name(), BundleConfig.CHAT, "en", "en", c.architecture(),
                c.specialTokens(), c.tokenizer(), c.weights(), null, c.maxSourceTokens(), false, sampling, c.data(), c.training(), c.scores()));
        return new Seq2SeqModel(BundleReader.load(bundle));
    }

    @Test
    void forcedScoringGivesTheSearchsOwnLogProbability(@TempDir Path dir) throws Exception {
        Seq2SeqModel model = new Seq2SeqModel(BundleReader.load(TinyBundle.write(dir.resolve("tiny"))));
        List<String> sources = List.of("el gato come pescado", "hola");
        var found = model.generate(sources, DecodingOptions.beam(3, 3, 0, 20));
        int[][] ids = {model.sourceIds(sources.get(0)), model.sourceIds(sources.get(1))};
        for (int s = 0; s < 2; s++) {
            for (Generation g : found.get(s)) {
                if (g.scoredTokens() == g.tokens().length + 1) {   // ended: the end token is in its log-probability too
                    double[] forced = ForcedScoring.logProbs(model.bundle().start(ids), new int[] {s}, List.of(g.tokens()));
                    assertThat(forced[0]).isCloseTo(g.logProb(), within(1e-4));
                }
            }
        }
    }

    @Test
    void rowsOfOneBatchScoreAsTheyWouldAlone(@TempDir Path dir) throws Exception {
        Seq2SeqModel model = new Seq2SeqModel(BundleReader.load(TinyBundle.write(dir.resolve("tiny"))));
        int[][] ids = {model.sourceIds("la casa es grande"), model.sourceIds("hola")};
        var tokenizer = model.bundle().targetTokenizer();
        List<int[]> targets = List.of(tokenizer.encode("the house is big"), tokenizer.encode("hello"), tokenizer.encode("the cat"));
        double[] together = ForcedScoring.logProbs(model.bundle().start(ids), new int[] {0, 1, 1}, targets);
        for (int r = 0; r < 3; r++) {
            double alone = ForcedScoring.logProbs(model.bundle().start(ids), new int[] {r == 0 ? 0 : 1}, List.of(targets.get(r)))[0];
            assertThat(together[r]).isCloseTo(alone, within(1e-4));
            assertThat(together[r]).isNegative();
        }
    }

    @Test
    void theReplyIsTheCandidateWithTheBestMutualInformationScore(@TempDir Path dir) throws Exception {
        double lambda = 0.5;
        Seq2SeqModel model = chatBundle(dir, lambda, "hello there\tgood morning everyone\nhello\thello\nthe cat\tthe cat eats fish\n");
        String message = "hello";
        var samples = model.generate(List.of(message), DecodingOptions.sampling(1.0, 0, 1.0, 7L, 0, 12).withSamples(4)).get(0);
        assertThat(samples).hasSize(1);
        List<Generation> ranked = Rerank.rank(model.bundle(), model.sourceIds(message), message,
                List.of(), model.bundle().config().decoding().rerank());
        // no samples: the two nearest memory messages' replies only, both scored by the formula
        assertThat(ranked).extracting(Generation::text).containsExactlyInAnyOrder("hello", "good morning everyone");
        var tokenizer = model.bundle().targetTokenizer();
        int[][] sources = {model.sourceIds(message), {tokenizer.vocabulary().eos()}};
        for (Generation g : ranked) {
            double[] lp = ForcedScoring.logProbs(model.bundle().start(sources), new int[] {0, 1}, List.of(g.tokens(), g.tokens()));
            assertThat(g.score()).isCloseTo((lp[0] - lambda * lp[1]) / (g.tokens().length + 1), within(1e-6));
        }
        assertThat(ranked.get(0).score()).isGreaterThanOrEqualTo(ranked.get(1).score());
        // through generate: the reply is the best of the samples and the remembered replies
        Generation served = samples.get(0);
        assertThat(served.score()).isGreaterThanOrEqualTo(ranked.get(0).score() - 1e-9);
    }

    @Test
    void aSimilarityWeightAddsEachRemembereredMessagesCosineToItsReplysScore(@TempDir Path dir) throws Exception {
        Seq2SeqModel model = chatBundle(dir, 0.5, "hello there\tgood morning everyone\nhello\thello\n");
        String message = "hello";
        var plain = new BundleConfig.Rerank("memory.tsv", 2, 0.5, true);
        var weighted = new BundleConfig.Rerank("memory.tsv", 2, 0.5, true, 3.0);
        var without = Rerank.rank(model.bundle(), model.sourceIds(message), message, List.of(), plain);
        var with = Rerank.rank(model.bundle(), model.sourceIds(message), message, List.of(), weighted);
        var cosines = model.bundle().replyMemory().similarities(message, 2);
        assertThat(cosines.get("hello")).isCloseTo(1.0, within(1e-9));   // the same message
        assertThat(cosines.get("good morning everyone")).isBetween(0.1, 0.99);
        for (Generation g : with) {
            double before = without.stream().filter(w -> w.text().equals(g.text())).findFirst().orElseThrow().score();
            assertThat(g.score()).isCloseTo(before + 3.0 * cosines.get(g.text()), within(1e-9));
        }
        assertThat(with.get(0).text()).isEqualTo("hello");   // the exact match wins by the weight
    }

    @Test
    void memoryOnlyLeavesTheSamplesOut(@TempDir Path dir) throws Exception {
        Seq2SeqModel model = chatBundle(dir, 0.0, "hello\tgood morning everyone\n");
        BundleConfig.Rerank memoryOnly = new BundleConfig.Rerank("memory.tsv", 2, 0.0, true);
        var sample = new Generation("the cat", model.bundle().targetTokenizer().encode("the cat"), -1, -1, 3);
        List<Generation> ranked = Rerank.rank(model.bundle(), model.sourceIds("hello"), "hello", List.of(sample), memoryOnly);
        assertThat(ranked).extracting(Generation::text).containsExactly("good morning everyone");
    }

    @Test
    void aMemoryOnlyBundleSamplesWhereItsMemoryHoldsNothingAlike(@TempDir Path dir) throws Exception {
        Seq2SeqModel model = chatBundle(dir, 0.0, "hello\tgood morning everyone\n");
        Path bundle = model.bundle().directory();
        BundleConfig c = BundleReader.readConfig(bundle);
        BundleConfig.Decoding d = c.decoding();
        BundleWriter.writeConfig(bundle, new BundleConfig(c.format(), c.name(), c.task(), c.sourceLanguage(), c.targetLanguage(),
                c.architecture(), c.specialTokens(), c.tokenizer(), c.weights(), null, c.maxSourceTokens(), false,
                new BundleConfig.Decoding(d.strategy(), d.beamSize(), d.lengthPenalty(), d.temperature(), d.topK(), d.topP(),
                        d.noRepeatNgram(), d.maxLengthRatio(), 1, d.maxTokens(), new BundleConfig.Rerank("memory.tsv", 2, 0.0, true)),
                c.data(), c.training(), c.scores()));
        Seq2SeqModel memoryOnly = new Seq2SeqModel(BundleReader.load(bundle));
        var replies = memoryOnly.generate(List.of("hello", "zzz"), memoryOnly.defaultOptions().sampledWith(null, null, null, 5L, null));
        assertThat(replies.get(0)).extracting(Generation::text).containsExactly("good morning everyone");
        assertThat(replies.get(1)).hasSize(1);   // "zzz" shares no trigram with the memory: a sampled reply
    }

    @Test
    void aBundleCanReadItsSourcesAsKoreanMorphemes(@TempDir Path dir) throws Exception {
        Path bundle = TinyBundle.write(dir.resolve("tiny"));
        BundleConfig c = BundleReader.readConfig(bundle);
        BundleConfig.TokenizerFiles files = c.tokenizer();
        for (String segmenter : new String[] {"nori", "mecab"}) {
            BundleWriter.writeConfig(bundle, new BundleConfig(c.format(), c.name(), c.task(), c.sourceLanguage(), c.targetLanguage(),
                    c.architecture(), c.specialTokens(), new BundleConfig.TokenizerFiles(files.type(), files.sourcePrefix(),
                    files.targetPrefix(), segmenter), c.weights(), null, c.maxSourceTokens(), false, c.decoding(), c.data(),
                    c.training(), c.scores()));
            if (segmenter.equals("nori")) {
                var source = BundleReader.load(bundle).sourceTokenizer();
                assertThat(source.pieces("뭐 먹을까?")).isEqualTo(
                        BundleReader.loadTokenizer(bundle, files.sourcePrefix(), c, c.architecture().sourceVocabularySize()).pieces("뭐 먹 을까 ?"));
            } else {
                assertThatThrownBy(() -> BundleReader.load(bundle)).isInstanceOf(ModelBundleException.class).hasMessageContaining("sourceSegmenter");
            }
        }
    }

    @Test
    void aRerankedBundleNeedsItsMemoryFile(@TempDir Path dir) throws Exception {
        Seq2SeqModel model = chatBundle(dir, 0.3, "hi\thello\n");
        Path bundle = model.bundle().directory();
        Files.delete(bundle.resolve("memory.tsv"));
        assertThatThrownBy(() -> BundleReader.load(bundle)).isInstanceOf(ModelBundleException.class).hasMessageContaining("memory.tsv");
        Files.writeString(bundle.resolve("memory.tsv"), "just a message\n");
        assertThatThrownBy(() -> BundleReader.load(bundle)).isInstanceOf(ModelBundleException.class).hasMessageContaining("line 1");
    }
}

package dev.seq2seq.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.bundle.TinyBundle;
import dev.seq2seq.search.Consensus;
import dev.seq2seq.search.DecoderStep;
import dev.seq2seq.search.DecodingOptions;
import dev.seq2seq.search.Hypothesis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search strategies, persistence and thread safety on a small real bundle. */
class DecodingTest {
    static Path dir;
    static Seq2SeqModel model;

    @BeforeAll
    static void load(@TempDir Path tmp) throws Exception {
        dir = TinyBundle.write(tmp.resolve("tiny"));
        model = new Seq2SeqModel(BundleReader.load(dir));
    }

    /** A fresh decoder step over all of {@link TinyBundle#SOURCES}. */
    static DecoderStep tinySourcesStep() {
        return model.bundle().start(TinyBundle.SOURCES.stream().map(model::sourceIds).toArray(int[][]::new));
    }

    static List<String> texts(List<List<Seq2SeqModel.Generation>> generations) {
        return generations.stream().map(g -> g.get(0).text()).toList();
    }

    @Test
    void saveLoadDecodeGivesIdenticalOutput(@TempDir Path other) throws Exception {
        Path copy = other.resolve("copy");
        ModelBundle original = model.bundle();
        Files.createDirectories(copy);
        for (Path file : Files.list(dir).toList()) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }
        Seq2SeqModel reloaded = new Seq2SeqModel(BundleReader.load(copy));
        DecodingOptions beam = DecodingOptions.beam(4, 2, 0.6, 20);
        var a = model.generate(TinyBundle.SOURCES, beam);
        var b = reloaded.generate(TinyBundle.SOURCES, beam);
        for (int i = 0; i < a.size(); i++) {
            for (int k = 0; k < a.get(i).size(); k++) {
                assertThat(b.get(i).get(k).tokens()).isEqualTo(a.get(i).get(k).tokens());
                assertThat(b.get(i).get(k).score()).isEqualTo(a.get(i).get(k).score());
            }
        }
        assertThat(original.config()).isEqualTo(reloaded.bundle().config());
    }

    @Test
    void beamSizeOneEqualsGreedy() {
        var greedy = model.generate(TinyBundle.SOURCES, DecodingOptions.greedy(20));
        var beam = model.generate(TinyBundle.SOURCES, DecodingOptions.beam(1, 1, 0.0, 20));
        for (int i = 0; i < greedy.size(); i++) {
            assertThat(beam.get(i).get(0).tokens()).isEqualTo(greedy.get(i).get(0).tokens());
            assertThat(beam.get(i).get(0).logProb()).isCloseTo(greedy.get(i).get(0).logProb(), within(1e-6));
        }
    }

    @Test
    void beamReturnsNBestSortedWithLogProbabilities() {
        var result = model.generate(List.of("el gato come pescado"), DecodingOptions.beam(5, 3, 0.6, 20)).get(0);
        assertThat(result).hasSize(3);
        for (int i = 1; i < result.size(); i++) {
            assertThat(result.get(i).score()).isLessThanOrEqualTo(result.get(i - 1).score());
        }
        for (var g : result) {
            assertThat(g.logProb()).isNegative();
        }
        // with alpha = 0 the score is the log-probability itself
        for (var g : model.generate(List.of("el gato come pescado"), DecodingOptions.beam(4, 4, 0.0, 20)).get(0)) {
            assertThat(g.score()).isCloseTo(g.logProb(), within(1e-9));
        }
    }

    @Test
    void maxLengthIsHonoured() {
        for (var g : model.generate(TinyBundle.SOURCES, DecodingOptions.greedy(3))) {
            assertThat(g.get(0).tokens().length).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void samplingIsReproducibleWithASeedAndTopKOneIsGreedy() {
        var seeded = DecodingOptions.sampling(1.0, 0, 1.0, 42L, 0, 20);
        assertThat(texts(model.generate(TinyBundle.SOURCES, seeded))).isEqualTo(texts(model.generate(TinyBundle.SOURCES, seeded)));
        // a seeded source decodes the same whatever shares its batch
        assertThat(model.generate(List.of(TinyBundle.SOURCES.get(2)), seeded).get(0).get(0).text())
                .isEqualTo(model.generate(TinyBundle.SOURCES, seeded).get(2).get(0).text());
        var topOne = DecodingOptions.sampling(0.7, 1, 1.0, 1L, 0, 20);
        assertThat(texts(model.generate(TinyBundle.SOURCES, topOne))).isEqualTo(texts(model.generate(TinyBundle.SOURCES, DecodingOptions.greedy(20))));
    }

    @Test
    void consensusSamplingDrawsSeededCandidatesPerSourceAndReturnsTheirConsensus() {
        var one = DecodingOptions.sampling(1.5, 0, 1.0, 5L, 0, 20);
        var eight = one.withSamples(8);
        List<List<Hypothesis>> drawn = eight.searchStrategy().search(tinySourcesStep(), eight);
        assertThat(drawn).hasSize(TinyBundle.SOURCES.size());
        var plain = model.generate(TinyBundle.SOURCES, one);
        var target = model.bundle().targetTokenizer();
        for (int s = 0; s < drawn.size(); s++) {
            assertThat(drawn.get(s)).hasSize(8);
            // sample 0 is seeded with the seed itself: the plain sample
            assertThat(drawn.get(s).get(0).tokens()).isEqualTo(plain.get(s).get(0).tokens());
        }
        // at temperature 1.5 the eight samples of a source are not all the same
        assertThat(drawn.stream().mapToLong(c -> c.stream().map(h -> java.util.Arrays.toString(h.tokens())).distinct().count()).max().orElse(0))
                .isGreaterThan(1);
        var chosen = model.generate(TinyBundle.SOURCES, eight);
        for (int s = 0; s < chosen.size(); s++) {
            assertThat(chosen.get(s)).hasSize(1);
            List<String> candidates = drawn.get(s).stream().map(h -> target.decode(h.tokens())).toList();
            assertThat(chosen.get(s).get(0).text()).isEqualTo(Consensus.rank(candidates, c -> c).get(0));
        }
        // neighbouring seeds share no sample: sample j of seed 6 is not sample j + 1 of seed 5
        var next = DecodingOptions.sampling(1.5, 0, 1.0, 6L, 0, 20).withSamples(8);
        List<List<Hypothesis>> drawnNext = next.searchStrategy().search(tinySourcesStep(), next);
        int shifted = 0;
        int pairs = 0;
        for (int s = 0; s < drawn.size(); s++) {
            for (int j = 0; j + 1 < 8; j++, pairs++) {
                shifted += java.util.Arrays.equals(drawnNext.get(s).get(j).tokens(), drawn.get(s).get(j + 1).tokens()) ? 1 : 0;
            }
        }
        assertThat(shifted).as("samples of seed 6 equal to the next sample of seed 5").isLessThan(pairs / 2);
        // a seeded source gets the same consensus whatever shares its batch
        assertThat(model.generate(List.of(TinyBundle.SOURCES.get(1)), eight).get(0).get(0).text())
                .isEqualTo(chosen.get(1).get(0).text());
    }

    @Test
    void seededEvaluationDecodesLineIWithSeedPlusI() {
        var options = DecodingOptions.sampling(1.5, 0, 1.0, 9L, 0, 20).withSamples(4);
        List<String> out = dev.seq2seq.evaluation.Evaluation.decode(model, TinyBundle.SOURCES, options, 2, null);
        List<String> alone = new ArrayList<>();
        List<String> oneSeed = new ArrayList<>();
        for (int i = 0; i < TinyBundle.SOURCES.size(); i++) {
            alone.add(model.generate(List.of(TinyBundle.SOURCES.get(i)), options.withSeed(9L + i)).get(0).get(0).text());
            oneSeed.add(model.generate(List.of(TinyBundle.SOURCES.get(i)), options).get(0).get(0).text());
        }
        assertThat(out).isEqualTo(alone).isNotEqualTo(oneSeed);
    }

    @Test
    void samplesAreValidated() {
        var sampling = DecodingOptions.sampling(1, 0, 1, null, 0, 20);
        assertThatThrownBy(() -> sampling.withSamples(0)).hasMessageContaining("samples");
        assertThatThrownBy(() -> sampling.withSamples(DecodingOptions.MAX_SAMPLES + 1)).hasMessageContaining("samples");
        assertThatThrownBy(() -> DecodingOptions.beam(4, 1, 0.6, 20).withSamples(2)).hasMessageContaining("samples must be 1 for beam");
    }

    @Test
    void sampledWithKeepsASamplingBundlesDefaultsAndAppliesOverrides() {
        var bundleDefaults = DecodingOptions.sampling(0.5, 40, 0.5, null, 3, 100).withSamples(16);
        assertThat(bundleDefaults.sampledWith(null, null, null, null, null)).isEqualTo(bundleDefaults);
        var overridden = bundleDefaults.sampledWith(1.2, 5, 0.9, 7L, 2);
        assertThat(overridden).isEqualTo(DecodingOptions.sampling(1.2, 5, 0.9, 7L, 3, 100).withSamples(2));
        // a translation bundle's beam defaults give plain sampling: temperature 1, top-p 0.9, no repeated 3-grams
        assertThat(DecodingOptions.beam(4, 1, 0.6, 100).sampledWith(null, null, null, 3L, null))
                .isEqualTo(DecodingOptions.sampling(1.0, 0, 0.9, 3L, 3, 100));
        assertThatThrownBy(() -> bundleDefaults.sampledWith(0.0, null, null, null, null)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> bundleDefaults.sampledWith(null, null, null, null, 65)).hasMessageContaining("samples");
    }

    @Test
    void noRepeatNgramBlockingPreventsRepeatedBigrams() {
        var options = DecodingOptions.sampling(1.5, 0, 1.0, 3L, 2, 40);
        for (var g : model.generate(TinyBundle.SOURCES, options)) {
            int[] t = g.get(0).tokens();
            var seen = new java.util.HashSet<Long>();
            for (int i = 0; i + 1 < t.length; i++) {
                assertThat(seen.add(((long) t[i] << 32) | t[i + 1])).as("bigram repeated in %s", java.util.Arrays.toString(t)).isTrue();
            }
        }
    }

    @Test
    void concurrentDecodingEqualsSequential() throws Exception {
        DecodingOptions beam = DecodingOptions.beam(3, 1, 0.6, 20);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            batches.add(List.of(TinyBundle.SOURCES.get(i % 7), TinyBundle.SOURCES.get((i + 3) % 7)));
        }
        List<List<String>> sequential = new ArrayList<>();
        for (List<String> batch : batches) {
            sequential.add(texts(model.generate(batch, beam)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (List<String> batch : batches) {
                futures.add(pool.submit(() -> texts(model.generate(batch, beam))));
            }
            for (int i = 0; i < batches.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decodingOptionsRejectInvalidValues() {
        assertThatThrownBy(() -> DecodingOptions.beam(0, 1, 0.6, 20)).hasMessageContaining("beamSize");
        assertThatThrownBy(() -> DecodingOptions.beam(2, 3, 0.6, 20)).hasMessageContaining("nBest");
        assertThatThrownBy(() -> DecodingOptions.sampling(0, 0, 1, null, 0, 20)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> DecodingOptions.sampling(1, 0, 1.5, null, 0, 20)).hasMessageContaining("topP");
        assertThatThrownBy(() -> DecodingOptions.greedy(0)).hasMessageContaining("maxLength");
    }

    @Test
    void emptyAndStrangeInputsDecodeWithoutError() {
        var out = model.generate(List.of("", "😀😀", "\u0000", "x".repeat(5000)), DecodingOptions.beam(2, 1, 0.6, 10));
        assertThat(out).hasSize(4).allSatisfy(hyps -> {
            assertThat(hyps).hasSize(1);
            assertThat(hyps.get(0).tokens().length).isLessThanOrEqualTo(10);
            assertThat(hyps.get(0).logProb()).isFinite().isNotPositive();
            assertThat(hyps.get(0).text()).doesNotContain("<unk>", "</s>", "<s>", "<pad>");
        });
    }
}

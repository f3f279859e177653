package dev.seq2seq.training;

import dev.seq2seq.inference.BundleConfig;
import dev.seq2seq.inference.ModelBundle;
import dev.seq2seq.inference.ModelBundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checkpoint averaging: the mean of the weights of several bundles saved along one training run
 * (say its last few epochs) is one bundle, often a little better than any of them (Junczys-Dowmunt
 * et al. 2016; Vaswani et al. 2017). The bundles must share architecture and vocabularies.
 */
public final class WeightAveraging {
    /** Hyperparameter recorded in the averaged bundle's card: how many bundles were averaged. */
    public static final String AVERAGED = "averagedCheckpoints";

    private WeightAveraging() {}

    /**
     * Writes a bundle whose weights are the mean of the given bundles' weights, with the latest
     * epoch's card minus its dev scores (measure the result with {@code evaluate}); returns its directory.
     */
    public static Path average(List<Path> bundles, Path output) throws IOException {
        if (bundles.size() < 2) {
            throw new IllegalArgumentException("give at least two bundles to average");
        }
        Path first = bundles.get(0);
        // the card of the latest epoch (most epochs in its training summary; the last given on a tie)
        // describes the result best, whatever order the shell listed the directories in
        Path last = bundles.get(bundles.size() - 1);
        for (Path bundle : bundles) {
            if (epochs(bundle) > epochs(last)) {
                last = bundle;
            }
        }
        BundleConfig config = ModelBundle.readConfig(last);
        List<String> sharedFiles = tokenizerFiles(config);
        INDArray sum = null;
        ComputationGraph graph = null;
        for (Path bundle : bundles) {
            BundleConfig c = ModelBundle.readConfig(bundle);
            if (!c.architecture().equals(config.architecture())) {
                throw new ModelBundleException(bundle.resolve(ModelBundle.CONFIG),
                        "architecture differs from " + last + "'s: " + c.architecture() + " vs " + config.architecture());
            }
            for (String file : sharedFiles) {
                if (!Arrays.equals(Files.readAllBytes(bundle.resolve(file)), Files.readAllBytes(first.resolve(file)))) {
                    throw new ModelBundleException(bundle.resolve(file), "differs from " + first.resolve(file)
                            + ": only bundles of one training run (same vocabularies) can be averaged");
                }
            }
            ComputationGraph g = ModelSerializer.restoreComputationGraph(bundle.resolve(weights(c)).toFile(), false);
            if (sum == null) {
                graph = g;
                sum = g.params().dup();
            } else {
                sum.addi(g.params());
            }
        }
        graph.setParams(sum.divi(bundles.size()));

        Files.createDirectories(output);
        for (String file : sharedFiles) {
            Files.copy(first.resolve(file), output.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path tmp = output.resolve(weights(config) + ".tmp");
        ModelSerializer.writeModel(graph, tmp.toFile(), false);
        Files.move(tmp, output.resolve(weights(config)), StandardCopyOption.REPLACE_EXISTING);
        ModelBundle.writeConfig(output, withAveraged(config, bundles.size()));
        return output;
    }

    private static int epochs(Path bundle) {
        BundleConfig.Training t = ModelBundle.readConfig(bundle).training();
        return t == null ? 0 : t.epochs();
    }

    private static String weights(BundleConfig c) {
        return c.weights() == null ? ModelBundle.WEIGHTS : c.weights();
    }

    private static List<String> tokenizerFiles(BundleConfig c) {
        String s = c.tokenizer().sourcePrefix();
        String t = c.tokenizer().targetPrefix();
        return List.of(s + ".vocab", s + ".merges", t + ".vocab", t + ".merges");
    }

    private static BundleConfig withAveraged(BundleConfig c, int n) {
        BundleConfig.Training t = c.training();
        Map<String, Object> hp = new LinkedHashMap<>(t == null || t.hyperparameters() == null ? Map.of() : t.hyperparameters());
        hp.put(AVERAGED, n);
        BundleConfig.Training training = t == null
                ? new BundleConfig.Training(hp, 0, 0, 0, 0, null)
                : new BundleConfig.Training(hp, t.epochs(), t.bestEpoch(), t.seconds(), t.targetTokensPerSecond(), t.command());
        return new BundleConfig(c.format(), c.name(), c.task(), c.sourceLanguage(), c.targetLanguage(), c.architecture(),
                c.specialTokens(), c.tokenizer(), c.weights(), c.maxSourceTokens(), c.usesConversationHistory(),
                c.decoding(), c.data(), training, Map.of());   // the epochs' dev scores do not describe the mean
    }
}

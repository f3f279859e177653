package dev.seq2seq.assembly;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleWriter;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.bundle.ModelBundleException;
import dev.seq2seq.nn.GraphFiles;
import dev.seq2seq.text.BpeTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
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
        List<BundleConfig> configs = BundleSets.singleNetworkConfigs(bundles, "is an ensemble; average the runs' own epochs");
        int latest = latest(configs);
        BundleConfig config = configs.get(latest);
        Path first = bundles.get(0);
        List<String> tokenizerFiles = BundleSets.tokenizerFiles(config);
        INDArray sum = null;
        ComputationGraph graph = null;
        for (int i = 0; i < bundles.size(); i++) {
            Path bundle = bundles.get(i);
            BundleConfig c = configs.get(i);
            if (!c.architecture().equals(config.architecture())) {
                throw new ModelBundleException(bundle.resolve(ModelBundle.CONFIG), "architecture differs from "
                        + bundles.get(latest) + "'s: " + c.architecture() + " vs " + config.architecture());
            }
            BundleSets.requireSameVocabularies(first, bundle, tokenizerFiles,
                    "only bundles of one training run (same vocabularies) can be averaged");
            ComputationGraph g = GraphFiles.read(ModelBundle.weightsFile(bundle, c).toFile(), false);
            if (sum == null) {
                graph = g;
                sum = g.params().dup();
            } else {
                sum.addi(g.params());
            }
        }
        graph.setParams(sum.divi(bundles.size()));
        BundleWriter.save(output, withAveraged(config, bundles.size()), graph,
                BpeTokenizer.load(first, config.tokenizer().sourcePrefix()),
                BpeTokenizer.load(first, config.tokenizer().targetPrefix()));
        BundleWriter.copySourceWords(first, output);
        return output;
    }

    /**
     * Which card is the latest epoch's (most epochs in its training summary; the last given on a tie): it
     * describes the result best, whatever order the shell listed the directories in.
     */
    private static int latest(List<BundleConfig> configs) {
        int latest = configs.size() - 1;
        for (int i = 0; i < configs.size(); i++) {
            if (epochs(configs.get(i)) > epochs(configs.get(latest))) {
                latest = i;
            }
        }
        return latest;
    }

    private static int epochs(BundleConfig c) {
        return c.training() == null ? 0 : c.training().epochs();
    }

    private static BundleConfig withAveraged(BundleConfig c, int n) {
        // the epochs' dev scores do not describe the mean
        return c.withTraining(BundleSets.withHyperparameter(c.training(), AVERAGED, n)).withScores(Map.of());
    }
}

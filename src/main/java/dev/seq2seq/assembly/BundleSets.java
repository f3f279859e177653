package dev.seq2seq.assembly;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.bundle.ModelBundleException;
import dev.seq2seq.text.BpeTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What averaging and ensembling both need of the bundles they combine. */
final class BundleSets {
    private BundleSets() {}

    /** The cards of the bundles, refusing any that is an ensemble with {@code refusal} as the message. */
    static List<BundleConfig> singleNetworkConfigs(List<Path> bundles, String refusal) {
        List<BundleConfig> configs = new ArrayList<>();
        for (Path bundle : bundles) {
            BundleConfig c = BundleReader.readConfig(bundle);
            if (c.ensemble() != null && !c.ensemble().isEmpty()) {
                throw new ModelBundleException(bundle.resolve(ModelBundle.CONFIG), refusal);
            }
            configs.add(c);
        }
        return configs;
    }

    /** The tokenizer files of a card, source then target. */
    static List<String> tokenizerFiles(BundleConfig c) {
        List<String> files = new ArrayList<>(BpeTokenizer.fileNames(c.tokenizer().sourcePrefix()));
        files.addAll(BpeTokenizer.fileNames(c.tokenizer().targetPrefix()));
        return files;
    }

    /** Fails, naming the file and {@code why}, unless {@code bundle}'s tokenizer files are {@code first}'s byte for byte. */
    static void requireSameVocabularies(Path first, Path bundle, List<String> files, String why) throws IOException {
        for (String file : files) {
            if (!Arrays.equals(Files.readAllBytes(bundle.resolve(file)), Files.readAllBytes(first.resolve(file)))) {
                throw new ModelBundleException(bundle.resolve(file), "differs from " + first.resolve(file) + ": " + why);
            }
        }
    }

    /** A training summary with one more hyperparameter (an empty summary where there was none). */
    static BundleConfig.Training withHyperparameter(BundleConfig.Training t, String key, Object value) {
        Map<String, Object> hp = new LinkedHashMap<>(t == null || t.hyperparameters() == null ? Map.of() : t.hyperparameters());
        hp.put(key, value);
        return t == null
                ? new BundleConfig.Training(hp, 0, 0, 0, 0, null)
                : new BundleConfig.Training(hp, t.epochs(), t.bestEpoch(), t.seconds(), t.targetTokensPerSecond(), t.command());
    }
}

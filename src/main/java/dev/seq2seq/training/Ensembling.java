package dev.seq2seq.training;

import dev.seq2seq.inference.BundleConfig;
import dev.seq2seq.inference.ModelBundle;
import dev.seq2seq.inference.ModelBundleException;
import dev.seq2seq.text.BpeTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ensembling: bundles trained separately on the same vocabularies (say a small and a large model,
 * or two seeds) put in one bundle whose networks decode together, each step averaging their
 * next-token distributions. Unlike checkpoint averaging the members may differ in shape.
 */
public final class Ensembling {
    /** Hyperparameter recorded in the ensemble's card: the member bundles' names, in order. */
    public static final String MEMBERS = "ensembleOf";

    private Ensembling() {}

    /**
     * Writes a bundle holding the given bundles' networks, with the first one's card (its name,
     * decoding, data and training summary) minus its dev scores (measure the ensemble with
     * {@code evaluate}); returns its directory.
     */
    public static Path build(List<Path> bundles, Path output) throws IOException {
        if (bundles.size() < 2) {
            throw new IllegalArgumentException("give at least two bundles to ensemble");
        }
        List<BundleConfig> configs = new ArrayList<>();
        for (Path bundle : bundles) {
            BundleConfig c = ModelBundle.readConfig(bundle);
            if (c.ensemble() != null && !c.ensemble().isEmpty()) {
                throw new ModelBundleException(bundle.resolve(ModelBundle.CONFIG), "is an ensemble already; give its members");
            }
            configs.add(c);
        }
        Path target = output.toAbsolutePath().normalize();
        for (Path bundle : bundles) {
            if (bundle.toAbsolutePath().normalize().equals(target)) {
                throw new IllegalArgumentException("--output " + output + " is one of the bundles; write the ensemble elsewhere");
            }
        }
        BundleConfig first = configs.get(0);
        Path firstDir = bundles.get(0);
        List<String> tokenizerFiles = new ArrayList<>(BpeTokenizer.fileNames(first.tokenizer().sourcePrefix()));
        tokenizerFiles.addAll(BpeTokenizer.fileNames(first.tokenizer().targetPrefix()));
        int maxSourceTokens = first.maxSourceTokens();
        for (int i = 1; i < bundles.size(); i++) {
            Path bundle = bundles.get(i);
            BundleConfig c = configs.get(i);
            if (!c.task().equals(first.task()) || !c.sourceLanguage().equals(first.sourceLanguage())
                    || !c.targetLanguage().equals(first.targetLanguage())) {
                throw new ModelBundleException(bundle.resolve(ModelBundle.CONFIG), "is a " + c.task() + " "
                        + c.sourceLanguage() + "->" + c.targetLanguage() + " model, not " + first.task() + " "
                        + first.sourceLanguage() + "->" + first.targetLanguage() + " as " + firstDir);
            }
            if (c.usesConversationHistory() != first.usesConversationHistory()) {
                throw new ModelBundleException(bundle.resolve(ModelBundle.CONFIG), "was trained "
                        + (c.usesConversationHistory() ? "with" : "without") + " conversation history, " + firstDir
                        + (first.usesConversationHistory() ? " with" : " without") + " it: members must see the same input");
            }
            for (String file : tokenizerFiles) {
                if (!Arrays.equals(Files.readAllBytes(bundle.resolve(file)), Files.readAllBytes(firstDir.resolve(file)))) {
                    throw new ModelBundleException(bundle.resolve(file), "differs from " + firstDir.resolve(file)
                            + ": ensemble members must share their vocabularies");
                }
            }
            maxSourceTokens = Math.min(maxSourceTokens, c.maxSourceTokens());
        }
        Files.createDirectories(output);
        for (String file : tokenizerFiles) {
            Files.copy(firstDir.resolve(file), output.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        List<BundleConfig.Member> members = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < bundles.size(); i++) {
            String weights = i == 0 ? ModelBundle.WEIGHTS : "member-" + (i + 1) + ".zip";
            Files.copy(ModelBundle.weightsFile(bundles.get(i), configs.get(i)), output.resolve(weights),
                    StandardCopyOption.REPLACE_EXISTING);
            members.add(new BundleConfig.Member(weights, configs.get(i).architecture()));
            names.add(bundles.get(i).toAbsolutePath().normalize().getFileName().toString());
        }
        BundleConfig config = new BundleConfig(first.format(), first.name(), first.task(), first.sourceLanguage(),
                first.targetLanguage(), first.architecture(), first.specialTokens(), first.tokenizer(), ModelBundle.WEIGHTS,
                members.subList(1, members.size()), maxSourceTokens, first.usesConversationHistory(), first.decoding(),
                first.data(), withMembers(first.training(), names), Map.of());
        ModelBundle.writeConfig(output, config);
        ModelBundle.load(output);   // the result must load: fails here, naming the file, if a member does not
        return output;
    }

    private static BundleConfig.Training withMembers(BundleConfig.Training t, List<String> names) {
        Map<String, Object> hp = new LinkedHashMap<>(t == null || t.hyperparameters() == null ? Map.of() : t.hyperparameters());
        hp.put(MEMBERS, names);
        return t == null
                ? new BundleConfig.Training(hp, 0, 0, 0, 0, null)
                : new BundleConfig.Training(hp, t.epochs(), t.bestEpoch(), t.seconds(), t.targetTokensPerSecond(), t.command());
    }
}

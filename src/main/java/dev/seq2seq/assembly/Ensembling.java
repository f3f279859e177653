package dev.seq2seq.assembly;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.BundleWriter;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.bundle.ModelBundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
        List<BundleConfig> configs = BundleSets.singleNetworkConfigs(bundles, "is an ensemble already; give its members");
        Path target = output.toAbsolutePath().normalize();
        for (Path bundle : bundles) {
            if (bundle.toAbsolutePath().normalize().equals(target)) {
                throw new IllegalArgumentException("--output " + output + " is one of the bundles; write the ensemble elsewhere");
            }
        }
        BundleConfig first = configs.get(0);
        Path firstDir = bundles.get(0);
        List<String> tokenizerFiles = BundleSets.tokenizerFiles(first);
        for (int i = 1; i < bundles.size(); i++) {
            requireMember(bundles.get(i), configs.get(i), firstDir, first, tokenizerFiles);
        }
        int maxSourceTokens = configs.stream().mapToInt(BundleConfig::maxSourceTokens).min().orElseThrow();
        Files.createDirectories(output);
        for (String file : tokenizerFiles) {
            Files.copy(firstDir.resolve(file), output.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        BundleWriter.copySourceWords(firstDir, output);
        List<BundleConfig.Member> members = copyWeights(bundles, configs, output);
        List<String> names = bundles.stream().map(b -> b.toAbsolutePath().normalize().getFileName().toString()).toList();
        BundleConfig config = new BundleConfig(first.format(), first.name(), first.task(), first.sourceLanguage(),
                first.targetLanguage(), first.architecture(), first.specialTokens(), first.tokenizer(), ModelBundle.WEIGHTS,
                members.subList(1, members.size()), maxSourceTokens, first.usesConversationHistory(), first.decoding(),
                first.data(), BundleSets.withHyperparameter(first.training(), MEMBERS, names), Map.of());
        BundleWriter.writeConfig(output, config);
        BundleReader.load(output);   // the result must load: fails here, naming the file, if a member does not
        return output;
    }

    /** Fails, naming the card, unless a further bundle does the first one's task on the same input and vocabularies. */
    private static void requireMember(Path bundle, BundleConfig c, Path firstDir, BundleConfig first, List<String> tokenizerFiles)
            throws IOException {
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
        BundleSets.requireSameVocabularies(firstDir, bundle, tokenizerFiles, "ensemble members must share their vocabularies");
    }

    /** Copies each bundle's weights into the ensemble (the first as its own, the others as {@code member-N.zip}). */
    private static List<BundleConfig.Member> copyWeights(List<Path> bundles, List<BundleConfig> configs, Path output)
            throws IOException {
        List<BundleConfig.Member> members = new ArrayList<>();
        for (int i = 0; i < bundles.size(); i++) {
            String weights = i == 0 ? ModelBundle.WEIGHTS : "member-" + (i + 1) + ".zip";
            Files.copy(ModelBundle.weightsFile(bundles.get(i), configs.get(i)), output.resolve(weights),
                    StandardCopyOption.REPLACE_EXISTING);
            members.add(new BundleConfig.Member(weights, configs.get(i).architecture()));
        }
        return members;
    }
}

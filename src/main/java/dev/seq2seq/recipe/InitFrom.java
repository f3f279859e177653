package dev.seq2seq.recipe;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.bundle.ModelBundleException;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.Seq2SeqGraph;
import dev.seq2seq.spans.Placeholders;
import dev.seq2seq.text.BpeTokenizer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code --init-from}/{@code --init-member}: a run that starts from a network of an existing bundle
 * (fine-tuning) instead of a random one. It keeps the member's shape; only dropout, a
 * training-time choice, is the run's. With {@link Keep#BOTH} it keeps both vocabularies and every
 * weight. With {@code --init-keep target} (or {@code source}) it keeps one side only: that side's
 * vocabulary and every weight except the other side's embeddings (and, for a new target, the
 * output layer), which start fresh over a vocabulary learnt from the run's pairs. That is transfer
 * learning for a language with few pairs (Zoph et al. 2016, "Transfer Learning for Low-Resource
 * Neural Machine Translation"): a Korean-English run starts from the Spanish-English network, whose
 * decoder already writes English.
 *
 * @param bundle the bundle directory
 * @param member which of its networks, 1-based: 1 is the bundle's own, further ones an ensemble's members
 * @param keep   which sides of the bundle the run keeps
 */
public record InitFrom(Path bundle, int member, Keep keep) {

    /** The sides of an {@code --init-from} bundle a run keeps. */
    public enum Keep {
        BOTH, SOURCE, TARGET;

        public boolean keepsSource() {
            return this != TARGET;
        }

        public boolean keepsTarget() {
            return this != SOURCE;
        }
    }

    public InitFrom {
        if (bundle == null) throw new IllegalArgumentException("--init-from needs a bundle directory");
        if (member < 1) throw new IllegalArgumentException("--init-member must be at least 1, not " + member);
        if (keep == null) throw new IllegalArgumentException("--init-keep needs both, source or target");
    }

    /** Fine-tuning: both sides kept. */
    public InitFrom(Path bundle, int member) {
        this(bundle, member, Keep.BOTH);
    }

    /** The chosen network of the bundle, checked, with the card it belongs to. */
    public record Source(BundleConfig config, BundleConfig.Member member) {
        public Architecture architecture() {
            return member.architecture();
        }
    }

    /**
     * Reads the bundle's card and picks the member: a {@link ModelBundleException} where the
     * directory is no bundle, an {@link IllegalArgumentException} where it has no such member or
     * is a bundle of another task than the run's.
     */
    public Source resolve(String task) {
        BundleConfig config = BundleReader.readConfig(bundle);
        List<BundleConfig.Member> members = config.members();
        if (member > members.size()) {
            throw new IllegalArgumentException("--init-member " + member + ": " + bundle + " has " + members.size()
                    + (members.size() == 1 ? " network (give 1 or leave --init-member out)" : " networks (give 1 to " + members.size() + ")"));
        }
        if (!config.task().equals(task)) {
            throw new IllegalArgumentException("--init-from " + bundle + " is a " + config.task() + " bundle but the run's --task is "
                    + task + ": give --task " + config.task());
        }
        return new Source(config, members.get(member - 1));
    }

    /** The network's shape by the {@code train} flag that sets it (dropout, a training-time choice, left out). */
    public static Map<String, String> shapeFlags(Architecture a) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("--cell", a.cell());
        flags.put("--source-vocab", String.valueOf(a.sourceVocabularySize()));
        flags.put("--target-vocab", String.valueOf(a.targetVocabularySize()));
        flags.put("--embedding", String.valueOf(a.embeddingSize()));
        flags.put("--hidden", String.valueOf(a.hiddenSize()));
        flags.put("--decoder", String.valueOf(a.decoderSize()));
        flags.put("--attention", String.valueOf(a.attentionSize()));
        return flags;
    }

    /** The bundle's tokenizer with the given prefix, checked as loading the bundle checks it. */
    public BpeTokenizer tokenizer(Source source, String prefix, int expectedSize) {
        return BundleReader.loadTokenizer(bundle, prefix, source.config(), expectedSize);
    }

    /**
     * Sets a freshly initialised graph of the member's shape to the member's trained parameters.
     * DL4J's flat parameter vector is laid out by the configuration, so equal shapes give equal
     * layouts; a count that differs means the weights file does not match its card.
     */
    public void copyWeights(Source source, ComputationGraph graph) {
        Path file = bundle.resolve(source.member().weights());
        ComputationGraph trained = BundleReader.readWeights(file);
        long expected = graph.numParams();
        if (keep == Keep.BOTH && trained.numParams() == expected) {
            graph.setParams(trained.params());
            return;
        }
        // a vocabulary extended by new pieces: every trained parameter is copied into the larger
        // network, whose rows (embeddings) or columns (output layer) for the new pieces stay freshly initialised;
        // with one side kept, the other side's vocabulary-sized layers stay fresh as a whole
        for (Map.Entry<String, INDArray> e : graph.paramTable().entrySet()) {
            if (startsFresh(e.getKey())) {
                continue;
            }
            INDArray into = e.getValue();
            INDArray from = trained.paramTable().get(e.getKey());
            if (from == null || !fitsInto(from.shape(), into.shape())) {
                throw new ModelBundleException(file, "holds " + trained.numParams() + " parameters but a network of its architecture in "
                        + ModelBundle.CONFIG + " has " + expected + " (" + e.getKey() + " " + java.util.Arrays.toString(into.shape())
                        + " against " + (from == null ? "none" : java.util.Arrays.toString(from.shape())) + "): the weights do not match the card");
            }
            INDArrayIndex[] region = new INDArrayIndex[from.rank()];
            for (int d = 0; d < region.length; d++) {
                region[d] = NDArrayIndex.interval(0, from.size(d));
            }
            into.get(region).assign(from);   // the table's arrays are views of the graph's flat parameters
        }
    }

    /** Whether a parameter (DL4J's {@code layer_param} key) belongs to a side the run does not keep. */
    boolean startsFresh(String parameter) {
        String layer = parameter.substring(0, parameter.lastIndexOf('_'));
        return !keep.keepsSource() && layer.equals(Seq2SeqGraph.SRC_EMBED)
                || !keep.keepsTarget() && (layer.equals(Seq2SeqGraph.TGT_EMBED) || layer.equals(Seq2SeqGraph.OUTPUT));
    }

    /** The vocabulary flag of the side the run learns anew ({@code --source-vocab} or {@code --target-vocab}), or null. */
    public String newVocabularyFlag() {
        return switch (keep) {
            case BOTH -> null;
            case TARGET -> "--source-vocab";
            case SOURCE -> "--target-vocab";
        };
    }

    /** Equal shapes, or shapes that differ only by the appended placeholder pieces along a vocabulary axis. */
    private static boolean fitsInto(long[] from, long[] into) {
        if (from.length != into.length) {
            return false;
        }
        for (int d = 0; d < from.length; d++) {
            if (from[d] != into[d] && into[d] - from[d] != Placeholders.COUNT) {
                return false;
            }
        }
        return true;
    }

    /**
     * A tokenizer whose vocabulary has the {@link Placeholders} pieces, appended after the pieces it
     * has (so every trained id keeps its meaning); the same tokenizer when it has them already.
     */
    public static BpeTokenizer withPlaceholders(BpeTokenizer tokenizer) {
        if (Placeholders.supportedBy(tokenizer.vocabulary())) {
            return tokenizer;
        }
        return new BpeTokenizer(tokenizer.vocabulary().withPieces(Placeholders.pieces()), tokenizer.merges());
    }

    /**
     * Refuses shape options whose values differ from the member's, naming each as
     * {@code "--flag value (bundle: its value)"} in the given order; flags the member has no value
     * for are skipped. The command checks the options typed (before it creates anything), the
     * trainer every shape option (for callers of the {@code Trainer} without the command).
     */
    public void requireShape(Map<String, String> options, Architecture member) {
        Map<String, String> bundle = shapeFlags(member);
        bundle.remove(newVocabularyFlag());
        List<String> differing = options.entrySet().stream()
                .filter(e -> bundle.containsKey(e.getKey()) && !e.getValue().equalsIgnoreCase(bundle.get(e.getKey())))
                .map(e -> e.getKey() + " " + e.getValue() + " (bundle: " + bundle.get(e.getKey()) + ")")
                .toList();
        if (!differing.isEmpty()) {
            throw new IllegalArgumentException("with --init-from the network's shape is that of " + describe() + ", not "
                    + String.join(", ", differing) + ": leave these options out");
        }
    }

    /** How the card names the origin: {@code <dir> (member N)}, with the side kept where only one is. */
    public String describe() {
        return bundle + " (member " + member + (keep == Keep.BOTH ? "" : ", its " + keep.name().toLowerCase(java.util.Locale.ROOT) + " side") + ")";
    }
}

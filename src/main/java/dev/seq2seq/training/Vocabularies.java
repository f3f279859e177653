package dev.seq2seq.training;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.corpus.Batches;
import dev.seq2seq.corpus.ParallelCorpus;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.recipe.InitFrom;
import dev.seq2seq.recipe.TrainingOptions;
import dev.seq2seq.spans.Placeholders;
import dev.seq2seq.text.BpeTokenizer;
import dev.seq2seq.text.BpeTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The run's two BPE vocabularies: the checkpoint's when resuming, an {@code --init-from} bundle's
 * when fine-tuning (with {@code initSource}, whose weights the new network starts from), or learned
 * from the training pairs. A new run saves them into the checkpoint directory.
 */
record Vocabularies(BpeTokenizer source, BpeTokenizer target, InitFrom.Source initSource) {
    private static final double CHAR_COVERAGE = 0.9995;

    static Vocabularies prepare(TrainingOptions o, PrintStream out, List<ParallelCorpus.Pair> train, Path checkpointDir,
                                boolean resume) throws IOException {
        if (resume) {
            return resumed(o, out, checkpointDir);
        }
        return o.initFrom() != null ? fromBundle(o, out, train, checkpointDir) : learned(o, out, train, checkpointDir);
    }

    private static Vocabularies resumed(TrainingOptions o, PrintStream out, Path checkpointDir) throws IOException {
        var v = new Vocabularies(BpeTokenizer.load(checkpointDir, ModelBundle.SOURCE_PREFIX),
                BpeTokenizer.load(checkpointDir, ModelBundle.TARGET_PREFIX), null);
        out.println("resuming from " + checkpointDir);
        if (o.initFrom() != null) {
            out.println("--init-from " + o.initFrom().describe() + " has no further effect: the checkpoint holds the run's weights and vocabularies");
        }
        return v;
    }

    /**
     * Fine-tuning: the bundle's vocabularies and the member's shape and weights, the run's dropout.
     * Where the run keeps one side of the bundle only, the other side's vocabulary is learnt from the pairs.
     */
    private static Vocabularies fromBundle(TrainingOptions o, PrintStream out, List<ParallelCorpus.Pair> train, Path checkpointDir)
            throws IOException {
        InitFrom init = o.initFrom();
        InitFrom.Source initSource = init.resolve(o.task());
        Architecture member = initSource.architecture();
        init.requireShape(o.fixedOnResume(), member);
        BundleConfig.TokenizerFiles files = initSource.config().tokenizer();
        BpeTokenizer sourceTok = init.keep().keepsSource()
                ? init.tokenizer(initSource, files.sourcePrefix(), member.sourceVocabularySize())
                : new BpeTrainer(o.sourceVocabularySize(), CHAR_COVERAGE).train(train.stream().map(ParallelCorpus.Pair::source).toList());
        BpeTokenizer targetTok = init.keep().keepsTarget()
                ? init.tokenizer(initSource, files.targetPrefix(), member.targetVocabularySize())
                : new BpeTrainer(o.targetVocabularySize(), CHAR_COVERAGE).train(train.stream().map(ParallelCorpus.Pair::target).toList());
        if (o.task().equals(BundleConfig.TRANSLATE) && !(Placeholders.supportedBy(sourceTok.vocabulary())
                && Placeholders.supportedBy(targetTok.vocabulary()))) {
            sourceTok = InitFrom.withPlaceholders(sourceTok);
            targetTok = InitFrom.withPlaceholders(targetTok);
            out.printf(Locale.ROOT, "vocabularies extended by %d placeholder pieces for protected spans (new embedding rows and output columns start untrained)%n",
                    Placeholders.COUNT);
        }
        save(sourceTok, targetTok, checkpointDir);
        if (init.keep() == InitFrom.Keep.BOTH) {
            out.printf(Locale.ROOT, "fine-tuning %s: its vocabularies (source %d, target %d pieces) and weights, dropout %s%n",
                    init.describe(), sourceTok.vocabulary().size(), targetTok.vocabulary().size(), o.dropout());
        } else {
            boolean keepsTarget = init.keep().keepsTarget();
            out.printf(Locale.ROOT, "transfer from %s: its %s vocabulary (%d pieces) and every weight but the %s; a %s vocabulary of %d pieces learnt from the pairs, dropout %s%n",
                    init.describe(), keepsTarget ? "target" : "source",
                    (keepsTarget ? targetTok : sourceTok).vocabulary().size(),
                    keepsTarget ? "source embeddings" : "target embeddings and output layer",
                    keepsTarget ? "source" : "target", (keepsTarget ? sourceTok : targetTok).vocabulary().size(), o.dropout());
        }
        return new Vocabularies(sourceTok, targetTok, initSource);
    }

    private static Vocabularies learned(TrainingOptions o, PrintStream out, List<ParallelCorpus.Pair> train, Path checkpointDir)
            throws IOException {
        long t0 = System.nanoTime();
        BpeTokenizer sourceTok = new BpeTrainer(o.sourceVocabularySize(), CHAR_COVERAGE).train(train.stream().map(ParallelCorpus.Pair::source).toList());
        BpeTokenizer targetTok = new BpeTrainer(o.targetVocabularySize(), CHAR_COVERAGE).train(train.stream().map(ParallelCorpus.Pair::target).toList());
        if (o.task().equals(BundleConfig.TRANSLATE)) {   // protected spans travel as placeholder pieces
            sourceTok = InitFrom.withPlaceholders(sourceTok);
            targetTok = InitFrom.withPlaceholders(targetTok);
        }
        save(sourceTok, targetTok, checkpointDir);
        out.printf(Locale.ROOT, "BPE vocabularies: source %d, target %d pieces (%.1f s)%n",
                sourceTok.vocabulary().size(), targetTok.vocabulary().size(), (System.nanoTime() - t0) / 1e9);
        return new Vocabularies(sourceTok, targetTok, null);
    }

    private static void save(BpeTokenizer sourceTok, BpeTokenizer targetTok, Path checkpointDir) throws IOException {
        sourceTok.save(checkpointDir, ModelBundle.SOURCE_PREFIX);
        targetTok.save(checkpointDir, ModelBundle.TARGET_PREFIX);
    }

    /** The network these vocabularies and the options' shape give. */
    Architecture architecture(TrainingOptions o) {
        return new Architecture(o.cell(), source.vocabulary().size(), target.vocabulary().size(),
                o.embeddingSize(), o.hiddenSize(), o.decoderSize(), o.attentionSize(), o.dropout());
    }

    /**
     * The pairs as token ids, the source ending in its end-of-sentence id; pairs with an empty side
     * or a side longer than {@code maxTokens} (with the end marker) are left out.
     */
    List<Batches.EncodedPair> encode(List<ParallelCorpus.Pair> pairs, int maxTokens) {
        List<Batches.EncodedPair> encoded = new ArrayList<>(pairs.size());
        int srcEos = source.vocabulary().eos();
        for (ParallelCorpus.Pair p : pairs) {
            int[] s = source.encode(p.source());
            int[] t = target.encode(p.target());
            if (s.length + 1 > maxTokens || t.length + 1 > maxTokens || s.length == 0 || t.length == 0) {
                continue;
            }
            int[] withEos = Arrays.copyOf(s, s.length + 1);
            withEos[s.length] = srcEos;
            encoded.add(new Batches.EncodedPair(withEos, t));
        }
        return encoded;
    }
}

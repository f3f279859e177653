package dev.seq2seq.cli;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.BundleReader;
import dev.seq2seq.corpus.ParallelCorpus;
import dev.seq2seq.evaluation.Bleu;
import dev.seq2seq.evaluation.ChatMetrics;
import dev.seq2seq.evaluation.ChrF;
import dev.seq2seq.evaluation.Evaluation;
import dev.seq2seq.evaluation.MemoryBaseline;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.search.DecodingOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Decode a test file with a bundle, write one output per line, print sacreBLEU-compatible BLEU and chrF (and chat measures for chat bundles).")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", description = "bundle directory") Path model;
    @Option(names = "--hypotheses", description = "score this file (one output per line, e.g. another system's) instead of decoding with --model") Path hypotheses;
    @Option(names = "--test", required = true, description = "TSV test pairs") Path test;
    @Option(names = "--source-column", required = true) int sourceColumn;
    @Option(names = "--target-column", required = true) int targetColumn;
    @Option(names = "--output", description = "where to write the hypotheses, one per line (with --model)") Path output;
    @Option(names = "--beam-size", description = "beam size (default: the bundle's; 1 = greedy)") Integer beamSize;
    @Option(names = "--length-penalty", description = "GNMT alpha (default: the bundle's)") Double lengthPenalty;
    @Option(names = "--temperature", description = "sampling temperature, for bundles that sample (chat; default: the bundle's)") Double temperature;
    @Option(names = "--top-p", description = "nucleus sampling mass, for bundles that sample (chat; default: the bundle's)") Double topP;
    @Option(names = "--samples", description = "candidates drawn per source for consensus decoding, for bundles that sample (chat; default: the bundle's; 1: plain sampling)") Integer samples;
    @Option(names = "--batch-size", defaultValue = "32") int batchSize;
    @Option(names = "--max-pairs", defaultValue = "0") int maxPairs;
    @Option(names = "--seed", description = "sampling seed, for bundles that sample (chat; default: 1)") Long seed;
    @Option(names = {"--memory", "--retrieval-train"}, paramLabel = "TRAIN.tsv",
            description = "training pairs (same columns; repeatable) for the memory baseline, scored beside the model: the target of the most similar training source (translation: a translation memory's best fuzzy match; chat: a retrieval bot)")
    List<Path> memory = new ArrayList<>();
    @Option(names = {"--memory-output", "--retrieval-output"}, description = "with --memory: write the baseline's outputs here, one per line") Path memoryOutput;

    @Override
    public Integer call() throws Exception {
        if ((model == null) == (hypotheses == null)) {
            throw new IllegalArgumentException("give either --model (and --output) or --hypotheses");
        }
        if (memoryOutput != null && memory.isEmpty()) {
            throw new IllegalArgumentException("--memory-output needs --memory");
        }
        if (hypotheses != null) {
            var pairs = ParallelCorpus.read(test, sourceColumn, targetColumn, maxPairs).pairs();
            List<String> hyps = Files.readAllLines(hypotheses, StandardCharsets.UTF_8);
            if (hyps.size() != pairs.size()) {
                throw new IllegalArgumentException(hypotheses + " has " + hyps.size() + " lines but " + test + " has "
                        + pairs.size() + " pairs");
            }
            List<String> references = pairs.stream().map(ParallelCorpus.Pair::target).toList();
            System.out.printf(Locale.ROOT, "BLEU %.2f%n", Bleu.corpus(hyps, references).score());
            System.out.printf(Locale.ROOT, "chrF %.2f%n", ChrF.corpus(hyps, references));
            printMemoryBaseline(pairs.stream().map(ParallelCorpus.Pair::source).toList(), references, false);
            return 0;
        }
        if (output == null) {
            throw new IllegalArgumentException("--output is required with --model");
        }
        Seq2SeqModel seq2seq = new Seq2SeqModel(BundleReader.load(model));
        var pairs = ParallelCorpus.read(test, sourceColumn, targetColumn, maxPairs).pairs();
        List<String> sources = pairs.stream().map(ParallelCorpus.Pair::source).toList();
        List<String> references = pairs.stream().map(ParallelCorpus.Pair::target).toList();
        DecodingOptions options = options(seq2seq);
        System.err.printf(Locale.ROOT, "%s: %d sentences, %s beam %d%n", seq2seq.bundle(), sources.size(),
                options.strategy().name().toLowerCase(Locale.ROOT), options.beamSize());
        var report = Evaluation.run(seq2seq, sources, references, options, batchSize,
                done -> System.err.printf("\rtranslated %d/%d", done, sources.size()));
        System.err.println();
        Files.write(output, report.hypotheses(), StandardCharsets.UTF_8);
        System.err.printf(Locale.ROOT, "%.1f s, %.1f sentences/s%n", report.seconds(), sources.size() / report.seconds());
        System.out.printf(Locale.ROOT, "BLEU %.2f%n", report.bleu().score());
        System.out.printf(Locale.ROOT, "chrF %.2f%n", report.chrf());
        if (BundleConfig.CHAT.equals(seq2seq.bundle().config().task())) {   // whatever the search
            System.out.printf(Locale.ROOT, "distinct-2 %.3f%n", ChatMetrics.distinct2(report.hypotheses()));
            System.out.printf(Locale.ROOT, "most frequent reply share %.3f%n", ChatMetrics.topReplyShare(report.hypotheses()));
        }
        printMemoryBaseline(sources, references, BundleConfig.CHAT.equals(seq2seq.bundle().config().task()));
        return 0;
    }

    private void printMemoryBaseline(List<String> sources, List<String> references, boolean chat) throws IOException {
        if (memory.isEmpty()) {
            return;
        }
        List<String> trainSources = new ArrayList<>();
        List<String> trainTargets = new ArrayList<>();
        for (Path file : memory) {
            for (ParallelCorpus.Pair pair : ParallelCorpus.read(file, sourceColumn, targetColumn, 0).pairs()) {
                trainSources.add(pair.source());
                trainTargets.add(pair.target());
            }
        }
        List<String> answers = new MemoryBaseline(trainSources, trainTargets).answer(sources);
        if (memoryOutput != null) {
            Files.write(memoryOutput, answers, StandardCharsets.UTF_8);
        }
        if (chat) {
            System.out.printf(Locale.ROOT, "retrieval baseline (%d pairs): BLEU %.2f chrF %.2f distinct-2 %.3f most frequent reply share %.3f%n",
                    trainSources.size(), Bleu.corpus(answers, references).score(), ChrF.corpus(answers, references),
                    ChatMetrics.distinct2(answers), ChatMetrics.topReplyShare(answers));
        } else {
            System.out.printf(Locale.ROOT, "translation-memory baseline (best fuzzy match over %d pairs): BLEU %.2f chrF %.2f%n",
                    trainSources.size(), Bleu.corpus(answers, references).score(), ChrF.corpus(answers, references));
        }
    }

    private DecodingOptions options(Seq2SeqModel seq2seq) {
        DecodingOptions defaults = seq2seq.defaultOptions();
        if (defaults.strategy() == DecodingOptions.Strategy.SAMPLING && beamSize == null) {   // chat: as served, seeded
            if (lengthPenalty != null) {
                throw new IllegalArgumentException("--length-penalty applies to beam search; " + seq2seq.bundle()
                        + " samples (add --beam-size N to search instead)");
            }
            return defaults.sampledWith(temperature, null, topP, seed != null ? seed : 1L, samples);
        }
        if (temperature != null || topP != null || seed != null || samples != null) {   // would be silently ignored by beam or greedy search
            throw new IllegalArgumentException("--temperature, --top-p, --seed and --samples apply to sampling only; " + (beamSize != null
                    ? "--beam-size selects beam or greedy search, drop one or the other"
                    : seq2seq.bundle() + " decodes with " + defaults.strategy().name().toLowerCase(Locale.ROOT) + " search"));
        }
        int beam = beamSize != null ? beamSize : (defaults.strategy() == DecodingOptions.Strategy.BEAM ? defaults.beamSize() : 1);
        double alpha = lengthPenalty != null ? lengthPenalty : defaults.lengthPenalty();
        return beam == 1 && lengthPenalty == null ? DecodingOptions.greedy(DecodingOptions.MAX_LENGTH)
                : DecodingOptions.beam(beam, 1, alpha, DecodingOptions.MAX_LENGTH);
    }
}

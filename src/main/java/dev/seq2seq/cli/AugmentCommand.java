package dev.seq2seq.cli;

import dev.seq2seq.corpus.Augmenter;
import dev.seq2seq.corpus.ParallelCorpus;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "augment", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the training pairs a translation model for real input is trained on: shared numbers, times, codes "
                + "and URLs as placeholders, copies with other names, number words as placeholders, other weekdays, months "
                + "and currencies, openers (Hola/Hello), lower-cased and unaccented sources. Output: source TAB target (train with --source-column 1 --target-column 2).")
final class AugmentCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "pairs (TSV, UTF-8)") Path input;
    @Option(names = "--source-column", required = true, description = "1-based column of the source text") int sourceColumn;
    @Option(names = "--target-column", required = true, description = "1-based column of the target text") int targetColumn;
    @Option(names = "--source-language", required = true) String sourceLanguage;
    @Option(names = "--target-language", required = true) String targetLanguage;
    @Option(names = "--output", required = true, description = "TSV to write") Path output;
    @Option(names = "--names", defaultValue = "0.25", description = "share of pairs with a corpus name that get a copy with another name (default: ${DEFAULT-VALUE})") double names;
    @Option(names = "--name-placeholders", defaultValue = "0.15", description = "share of pairs with a corpus name that get a copy with a placeholder for it (default: ${DEFAULT-VALUE})") double namePlaceholders;
    @Option(names = "--number-words", defaultValue = "1.0", description = "share of pairs with a shared number word that get a copy with a placeholder for it (default: ${DEFAULT-VALUE})") double numberWords;
    @Option(names = "--lower-case", defaultValue = "0.12", description = "share of pairs that get a lower-cased source copy (default: ${DEFAULT-VALUE})") double lowerCase;
    @Option(names = "--plain", defaultValue = "0.12", description = "share that get a lower-case source copy without accents and punctuation (default: ${DEFAULT-VALUE})") double plain;
    @Option(names = "--clean", defaultValue = "1.0", description = "share of the pairs that nothing changed that are written (below 1: a smaller set for fine-tuning; default: ${DEFAULT-VALUE})") double clean;
    @Option(names = "--terms", defaultValue = "2.0", description = "copies of each pair with a weekday, month or currency on both sides, another of its kind put in its place (default: ${DEFAULT-VALUE})") double terms;
    @Option(names = "--openers", defaultValue = "0.05", description = "share of pairs that get a copy beginning with an opener such as Hola/Hello (default: ${DEFAULT-VALUE})") double openers;
    @Option(names = "--held-out", description = "TSV files (bench/everyday/everyday.tsv) whose lines no written pair may hold as "
            + "its source or target, case aside: term and opener copies can rebuild them") List<Path> heldOut = List.of();
    @Option(names = "--seed", defaultValue = "1234") long seed;

    @Override
    public Integer call() throws Exception {
        var read = ParallelCorpus.read(input, sourceColumn, targetColumn, 0);
        Augmenter augmenter = new Augmenter(sourceLanguage, targetLanguage, new Augmenter.Rates(names, namePlaceholders, numberWords, lowerCase, plain, clean, terms, openers), seed);
        int[] counts = new int[Augmenter.COUNTS];
        List<ParallelCorpus.Pair> out = augmenter.augment(read.pairs(), counts);
        Set<String> held = new HashSet<>();
        for (Path f : heldOut) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("#")) continue;
                for (String field : line.split("\t")) held.add(heldKey(field));
            }
        }
        int before = out.size();
        out.removeIf(p -> held.contains(heldKey(p.source())) || held.contains(heldKey(p.target())));
        if (out.size() < before) {
            System.out.printf(Locale.ROOT, "%d pairs left out that a held-out file holds%n", before - out.size());
        }
        try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (ParallelCorpus.Pair p : out) {
                w.write(p.source());
                w.write('\t');
                w.write(p.target());
                w.write('\n');
            }
        }
        System.out.printf(Locale.ROOT, "%d pairs read (%d with shared spans masked, added twice more); added %d with other names, %d with names as placeholders, %d with number-word placeholders, "
                        + "%d with another weekday, month or currency, %d with an opener, %d lower-cased, %d plain; %d unchanged pairs left out; %d pairs in %s%n",
                counts[0], counts[1], counts[2], counts[6], counts[3], counts[8], counts[9], counts[4], counts[5], counts[7], out.size(), output);
        return 0;
    }

    private static String heldKey(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}

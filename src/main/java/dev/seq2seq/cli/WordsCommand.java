package dev.seq2seq.cli;

import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.corpus.ParallelCorpus;
import dev.seq2seq.spans.WordList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "words", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a bundle's source.words from its training sources: the words the source language writes in lower case, "
                + "which tell a name that starts a sentence from a common word (train writes it for new translation bundles).")
final class WordsCommand implements Callable<Integer> {
    @Option(names = "--bundle", required = true, description = "bundle directory") Path bundle;
    @Option(names = "--train", required = true, description = "the bundle's training pairs (TSV, UTF-8)") Path train;
    @Option(names = "--source-column", required = true, description = "1-based column of the source text") int sourceColumn;
    @Option(names = "--target-column", required = true, description = "1-based column of the target text") int targetColumn;
    @Option(names = "--min-count", defaultValue = "1", description = "times a word must be seen in lower case (default: ${DEFAULT-VALUE})") int minCount;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(bundle.resolve(ModelBundle.CONFIG))) {
            throw new IllegalArgumentException(bundle + " is not a bundle (no " + ModelBundle.CONFIG + ")");
        }
        var pairs = ParallelCorpus.read(train, sourceColumn, targetColumn, 0).pairs();
        WordList words = WordList.of(pairs.stream().map(ParallelCorpus.Pair::source).toList(), minCount);
        Path file = bundle.resolve(ModelBundle.SOURCE_PREFIX + ModelBundle.WORDS_SUFFIX);
        words.write(file);
        System.out.printf("%d words from %d sources written to %s%n", words.size(), pairs.size(), file);
        return 0;
    }
}

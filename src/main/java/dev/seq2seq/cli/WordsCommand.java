package dev.seq2seq.cli;

import dev.seq2seq.bundle.BundleReader;
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
                + "which tell a name that starts a sentence from a common word, and, for German and English, the words written "
                + "with a capital that are no names (German nouns; English weekdays, months, languages), which tell them from a name anywhere (train writes it for new translation bundles).")
final class WordsCommand implements Callable<Integer> {
    @Option(names = "--bundle", required = true, description = "bundle directory") Path bundle;
    @Option(names = "--train", required = true, description = "the bundle's training pairs (TSV, UTF-8)") Path train;
    @Option(names = "--source-column", required = true, description = "1-based column of the source text") int sourceColumn;
    @Option(names = "--target-column", required = true, description = "1-based column of the target text") int targetColumn;
    @Option(names = "--min-count", defaultValue = "1", description = "times a word must be seen in lower case (default: ${DEFAULT-VALUE})") int minCount;
    @Option(names = "--noun-min-count", description = "times a word must be seen with a capital inside a sentence, and not as "
            + "the translations write it (case and a plural -s aside), to be listed as a noun; 0: no nouns (default: 3 where the bundle's source language "
            + "writes words other than names with a capital, German and English, else 0)") Integer nounMinCount;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(bundle.resolve(ModelBundle.CONFIG))) {
            throw new IllegalArgumentException(bundle + " is not a bundle (no " + ModelBundle.CONFIG + ")");
        }
        var pairs = ParallelCorpus.read(train, sourceColumn, targetColumn, 0).pairs();
        int nouns = nounMinCount != null ? nounMinCount
                : WordList.nounMinCount(BundleReader.readConfig(bundle).sourceLanguage());
        WordList words = WordList.of(pairs.stream().map(ParallelCorpus.Pair::source).toList(),
                pairs.stream().map(ParallelCorpus.Pair::target).toList(), minCount, nouns);
        Path file = bundle.resolve(ModelBundle.SOURCE_PREFIX + ModelBundle.WORDS_SUFFIX);
        words.write(file);
        System.out.printf("%d words from %d sources written to %s%n", words.size(), pairs.size(), file);
        if (nouns > 0) {
            System.out.printf("%d of them nouns, with their capital (seen so inside a sentence at least %d times)%n", words.nouns(), nouns);
        }
        return 0;
    }
}

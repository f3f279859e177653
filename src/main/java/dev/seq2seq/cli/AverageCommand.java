package dev.seq2seq.cli;

import dev.seq2seq.assembly.WeightAveraging;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "average", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Average the weights of bundles saved along one training run (e.g. its last epochs) into one bundle.")
final class AverageCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "BUNDLE", description = "bundle directories of one run (same vocabularies and architecture)")
    List<Path> bundles;
    @Option(names = "--output", required = true, description = "directory of the averaged bundle") Path output;

    @Override
    public Integer call() throws Exception {
        WeightAveraging.average(bundles, output);
        System.out.println("averaged " + bundles.size() + " bundles into " + output);
        return 0;
    }
}

package dev.seq2seq.cli;

import dev.seq2seq.assembly.Ensembling;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ensemble", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Put bundles trained on the same vocabularies (any sizes) into one bundle whose networks decode together.")
final class EnsembleCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "BUNDLE", description = "bundle directories; the first gives the card and the decoding defaults")
    List<Path> bundles;
    @Option(names = "--output", required = true, description = "directory of the ensemble bundle") Path output;

    @Override
    public Integer call() throws Exception {
        Ensembling.build(bundles, output);
        System.out.println("put " + bundles.size() + " bundles into " + output + "; measure it with evaluate");
        return 0;
    }
}

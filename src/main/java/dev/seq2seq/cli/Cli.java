package dev.seq2seq.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line entry: {@code train}, {@code evaluate}, {@code benchmark}, {@code langid}, {@code average}, {@code ensemble}. */
@Command(name = "seq2seq", mixinStandardHelpOptions = true,
        description = "Train, evaluate and benchmark LSTM encoder-decoder models. With no subcommand the jar starts the web service.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, BenchmarkCommand.class, LangIdCommand.class, AverageCommand.class, EnsembleCommand.class, AugmentCommand.class, FidelityCommand.class, WordsCommand.class, KeysCommand.class})
public final class Cli {
    /** The subcommands' names, read from the annotation above so that none can be left out, and help. */
    private static final Set<String> SUBCOMMANDS = subcommandNames();

    private static Set<String> subcommandNames() {
        // the annotations only: building picocli's command model here would run at every service start
        Set<String> names = new java.util.HashSet<>(Set.of("--help", "-h"));
        for (Class<?> sub : Cli.class.getAnnotation(Command.class).subcommands()) {
            names.add(sub.getAnnotation(Command.class).name());
        }
        return Set.copyOf(names);
    }

    public static boolean isSubcommand(String arg) {
        return SUBCOMMANDS.contains(arg);
    }

    public static int run(String... args) {
        return new CommandLine(new Cli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    // a clear one-line error for bad files or settings; the stack trace only with -Dseq2seq.debug
                    command.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    if (Boolean.getBoolean("seq2seq.debug")) {
                        e.printStackTrace(command.getErr());
                    }
                    return 2;
                })
                .execute(args);
    }
}

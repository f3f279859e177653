package dev.seq2seq.cli;

import dev.seq2seq.auth.ApiKeyStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

@Command(name = "keys", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Manage the API keys a service with seq2seq.auth.mode optional or required accepts; a running service sees changes within 10 s.",
        subcommands = {KeysCommand.Add.class, KeysCommand.List.class, KeysCommand.Remove.class})
final class KeysCommand implements Callable<Integer> {
    @Option(names = "--seq2seq.auth.store", defaultValue = "data/keys.json", scope = ScopeType.INHERIT,
            description = "the key store, as the service's seq2seq.auth.store (default: ${DEFAULT-VALUE})")
    Path store;

    @Override
    public Integer call() {
        System.err.println("give a subcommand: add, list or remove (keys --help)");
        return 2;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a key and print it once: the last line of output is the key alone.")
    static final class Add implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand KeysCommand parent;
        @Option(names = "--name", required = true, description = "a name for the key (letters, digits, . _ -)") String name;
        @Option(names = "--requests-per-minute", required = true, description = "requests a minute (a batch of N texts counts N)") int requestsPerMinute;
        @Option(names = "--characters-per-minute", defaultValue = "0", description = "characters a minute (0: no limit)") int charactersPerMinute;

        @Override
        public Integer call() throws Exception {
            String key = new ApiKeyStore(parent.store).add(name, requestsPerMinute, charactersPerMinute);
            System.out.println("added key '" + name + "' to " + parent.store + "; it is shown only now:");
            System.out.println(key);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys' names, limits, creation and last use (never the keys).")
    static final class List implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand KeysCommand parent;

        @Override
        public Integer call() throws Exception {
            var entries = new ApiKeyStore(parent.store).list();
            System.out.printf("%-24s %10s %10s  %-20s  %s%n", "name", "req/min", "chars/min", "created", "last used");
            for (var e : entries) {
                System.out.printf("%-24s %10d %10s  %-20s  %s%n", e.name(), e.requestsPerMinute(),
                        e.charactersPerMinute() == 0 ? "-" : String.valueOf(e.charactersPerMinute()),
                        e.created().toString().substring(0, 19), e.lastUsed() == null ? "never" : e.lastUsed().toString().substring(0, 19));
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the key of that name.")
    static final class Remove implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand KeysCommand parent;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() throws Exception {
            if (!new ApiKeyStore(parent.store).remove(name)) {
                System.err.println("no key named '" + name + "' in " + parent.store);
                return 1;
            }
            System.out.println("removed key '" + name + "'");
            return 0;
        }
    }
}

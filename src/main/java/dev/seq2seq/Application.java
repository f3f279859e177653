package dev.seq2seq;

import dev.seq2seq.cli.Cli;
import dev.seq2seq.nn.NativeBackend;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** One jar: the {@code train}, {@code evaluate}, {@code benchmark}, {@code langid}, {@code average} and {@code ensemble} subcommands, or the web service. */
@SpringBootApplication
public class Application {
    public static void main(String[] args) {
        NativeBackend.select();
        if (args.length > 0 && Cli.isSubcommand(args[0])) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(Application.class, args);
    }
}

package dev.seq2seq.cli;

import dev.seq2seq.ngrams.LanguageIdentifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "langid", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Build the language identifier's n-gram profiles from TSV text columns, and calibrate its confidence on held-out ones.")
final class LangIdCommand implements Callable<Integer> {
    private static final Pattern SPEC = Pattern.compile("([a-z]{2})=(.+):(\\d+)");
    private static final Pattern HELD_OUT = Pattern.compile("([a-z]{2})=(.+):(\\d+)(?:@(\\d+))?");

    @Option(names = "--text", required = true, paramLabel = "LANG=FILE:COLUMN",
            description = "text of one language: ISO 639-1 code, TSV file and 1-based column (repeat; a language may repeat)")
    List<String> texts;
    @Option(names = "--output", required = true, description = "profiles file to write (e.g. models/langid.tsv)") Path output;
    @Option(names = "--max-lines", defaultValue = "30000", description = "lines read per --text (default: ${DEFAULT-VALUE})") int maxLines;
    @Option(names = "--keep", defaultValue = "4000", description = "n-grams kept per language (default: ${DEFAULT-VALUE})") int keep;
    @Option(names = "--held-out", paramLabel = "LANG=FILE:COLUMN[@LINE]",
            description = "held-out text of one language, from 1-based line LINE on (default 1): the confidence is calibrated on it"
                    + " and on its first 1-3 words (repeat; none: the scores are left uncalibrated)")
    List<String> heldOut = List.of();
    @Option(names = "--held-out-lines", defaultValue = "1500", description = "lines read per --held-out (default: ${DEFAULT-VALUE})") int heldOutLines;

    @Override
    public Integer call() throws IOException {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        for (String spec : texts) {
            Matcher m = SPEC.matcher(spec);
            if (!m.matches()) {
                throw new IllegalArgumentException("--text " + spec + ": expected LANG=FILE:COLUMN, e.g. en=train.tsv:1");
            }
            Path file = Path.of(m.group(2));
            int column = Integer.parseInt(m.group(3));
            List<String> lines = byLanguage.computeIfAbsent(m.group(1), k -> new ArrayList<>());
            int read = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (column >= 1 && column <= f.length && !f[column - 1].isBlank()) {
                    lines.add(f[column - 1]);
                    if (++read == maxLines) {
                        break;
                    }
                }
            }
            System.out.printf("%s: %d lines from %s column %d%n", m.group(1), read, file, column);
        }
        LanguageIdentifier identifier = LanguageIdentifier.train(byLanguage, keep);
        if (!heldOut.isEmpty()) {
            Map<String, List<String>> held = new LinkedHashMap<>();
            for (String spec : heldOut) {
                Matcher m = HELD_OUT.matcher(spec);
                if (!m.matches()) {
                    throw new IllegalArgumentException("--held-out " + spec + ": expected LANG=FILE:COLUMN[@LINE], e.g. en=train.tsv:1@30001");
                }
                List<String> lines = Files.readAllLines(Path.of(m.group(2)), StandardCharsets.UTF_8);
                int column = Integer.parseInt(m.group(3));
                int from = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
                List<String> texts = held.computeIfAbsent(m.group(1), k -> new ArrayList<>());
                int read = 0;
                for (int i = from - 1; i < lines.size() && read < heldOutLines; i++) {
                    String[] f = lines.get(i).split("\t", -1);
                    if (column >= 1 && column <= f.length && !f[column - 1].isBlank()) {
                        texts.add(f[column - 1]);
                        read++;
                    }
                }
                System.out.printf("%s: %d held-out lines from %s column %d, line %d on%n", m.group(1), read, m.group(2), column, from);
            }
            identifier = identifier.calibrate(held);
            var c = identifier.calibration().orElseThrow();
            System.out.printf("calibration: %d steps, score %.4f -> %.3f ... score %.4f -> %.3f%n", c.upper().length,
                    c.upper()[0], c.value()[0], c.upper()[c.upper().length - 1], c.value()[c.value().length - 1]);
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        identifier.save(output);
        System.out.printf("wrote %s (%d languages, %d bytes)%n", output, byLanguage.size(), Files.size(output));
        return 0;
    }
}

package dev.seq2seq.cli;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.corpus.ParallelCorpus;
import dev.seq2seq.evaluation.Bleu;
import dev.seq2seq.evaluation.Fidelity;
import dev.seq2seq.inference.ModelRepository;
import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.request.WorkLimits;
import dev.seq2seq.translate.TranslationRequest;
import dev.seq2seq.translate.TranslationService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fidelity", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Translate the project's fact-keeping sets through the service's own path (lines, casing, protected spans) "
                + "and print, per direction, the share of spans kept and the outputs with an invented number; lines kept on "
                + "multi-line texts; BLEU on a dev set as typed (clean, lower case, capitals, plain). With --apertium, Apertium side by side.")
final class FidelityCommand implements Callable<Integer> {
    @Option(names = "--models", defaultValue = "models", description = "directory of bundles (default: ${DEFAULT-VALUE})") Path models;
    @Option(names = "--entities", defaultValue = "bench/fidelity/entities.tsv", description = "direction TAB source TAB spans (' | '-separated)") Path entities;
    @Option(names = "--multiline", defaultValue = "bench/fidelity/multiline.tsv", description = "direction TAB source with \\n for line breaks") Path multiline;
    @Option(names = "--typed-dev", description = "dev pairs for BLEU as typed (e.g. Tatoeba eng-spa dev.tsv)") Path typedDev;
    @Option(names = "--typed-languages", defaultValue = "en,es", description = "languages of the --typed-dev columns 1 and 2 (default: ${DEFAULT-VALUE})") String typedLanguages;
    @Option(names = "--max-pairs", defaultValue = "600", description = "dev pairs used for BLEU as typed (default: ${DEFAULT-VALUE})") int maxPairs;
    @Option(names = "--apertium", description = "also run the apertium command (Debian package apertium-eng-spa) on the en/es sets") boolean apertium;
    @Option(names = "--output", description = "directory for the outputs side by side (TSV per set)") Path output;

    private static final Map<String, String> APERTIUM = Map.of("es-en", "spa-eng", "en-es", "eng-spa");
    private TranslationService service;

    @Override
    public Integer call() throws Exception {
        List<Seq2SeqModel> loaded = ModelRepository.load(models, System.err::println).byTask(BundleConfig.TRANSLATE);
        // every request names its source, so no language identifier is needed; decoding straight through the model
        service = new TranslationService(loaded, null, (model, texts, options) -> model.generate(texts, options),
                WorkLimits.DEFAULT.withTexts(100_000, 64));
        if (output != null) {
            Files.createDirectories(output);
        }
        entities();
        multiline();
        if (typedDev != null) {
            typed();
        }
        return 0;
    }

    private boolean available(String direction) {
        String[] st = direction.split("-");
        return service.languagePairs().getOrDefault(st[0], java.util.Set.of()).contains(st[1]);
    }

    private void entities() throws Exception {
        Map<String, List<String[]>> byDirection = rows(entities, 3);
        System.out.println("entity set " + entities + ": spans kept, outputs with an invented number");
        List<String> sideBySide = new ArrayList<>(List.of("direction\tsource\tspans\tthis service\tkept\tapertium\tkept"));
        for (var e : byDirection.entrySet()) {
            String direction = e.getKey();
            List<String> sources = e.getValue().stream().map(r -> r[1]).toList();
            List<List<String>> spans = e.getValue().stream().map(r -> List.of(r[2].split(" \\| "))).toList();
            List<String> ours = available(direction) ? translate(direction, sources) : null;
            List<String> theirs = apertium && APERTIUM.containsKey(direction) ? apertium(direction, sources) : null;
            Map<String, List<String>> systems = new LinkedHashMap<>();
            systems.put("this service", ours);
            systems.put("apertium", theirs);
            for (var system : systems.entrySet()) {
                if (system.getValue() == null) continue;
                int kept = 0, total = 0, verbatim = 0, invented = 0;
                for (int i = 0; i < sources.size(); i++) {
                    int k = Fidelity.spansKept(system.getValue().get(i), spans.get(i));
                    kept += k;
                    total += spans.get(i).size();
                    verbatim += k == spans.get(i).size() ? 1 : 0;
                    invented += Fidelity.inventedNumbers(sources.get(i), system.getValue().get(i)).isEmpty() ? 0 : 1;
                }
                System.out.printf(Locale.ROOT, "  %s %-13s spans kept %d/%d (%.1f%%), sentences with all spans %d/%d, invented number in %d%n",
                        direction, system.getKey(), kept, total, 100.0 * kept / total, verbatim, sources.size(), invented);
            }
            for (int i = 0; i < sources.size(); i++) {
                sideBySide.add(String.join("\t", direction, sources.get(i), String.join(" | ", spans.get(i)),
                        ours == null ? "" : ours.get(i), ours == null ? "" : Fidelity.spansKept(ours.get(i), spans.get(i)) + "/" + spans.get(i).size(),
                        theirs == null ? "" : theirs.get(i), theirs == null ? "" : Fidelity.spansKept(theirs.get(i), spans.get(i)) + "/" + spans.get(i).size()));
            }
        }
        write("entities.tsv", sideBySide);
    }

    private void multiline() throws Exception {
        Map<String, List<String[]>> byDirection = rows(multiline, 2);
        System.out.println("multi-line set " + multiline + ": texts whose line count (blank lines included) is kept");
        List<String> sideBySide = new ArrayList<>(List.of("direction\tsource\tthis service"));
        for (var e : byDirection.entrySet()) {
            if (!available(e.getKey())) continue;
            List<String> sources = e.getValue().stream().map(r -> r[1].replace("\\n", "\n")).toList();
            List<String> ours = translate(e.getKey(), sources);
            int same = 0;
            for (int i = 0; i < sources.size(); i++) {
                same += sources.get(i).split("\n", -1).length == ours.get(i).split("\n", -1).length ? 1 : 0;
                sideBySide.add(String.join("\t", e.getKey(), e.getValue().get(i)[1], ours.get(i).replace("\n", "\\n")));
            }
            System.out.printf(Locale.ROOT, "  %s lines kept in %d/%d texts%n", e.getKey(), same, sources.size());
        }
        write("multiline.tsv", sideBySide);
    }

    private void typed() throws Exception {
        String[] langs = typedLanguages.split(",");
        Map<String, UnaryOperator<String>> forms = new LinkedHashMap<>();
        forms.put("clean", s -> s);
        forms.put("lower case", s -> s.toLowerCase(Locale.ROOT));
        forms.put("capitals", s -> s.toUpperCase(Locale.ROOT));
        // the "plain" form strips every punctuation mark; Augmenter.plain (training noise) keeps
        // decimal points, '@', '/' and '-' so that the spans of its pairs stay whole: not the same on purpose
        forms.put("lower, no accents or punctuation", s -> Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replaceAll("[\\p{P}]", "").replaceAll("\\s+", " ").strip());
        System.out.println("text as typed, " + typedDev + " (first " + maxPairs + " pairs), case-insensitive BLEU");
        for (int from = 0; from < 2; from++) {
            String direction = langs[from] + "-" + langs[1 - from];
            if (!available(direction)) continue;
            var pairs = ParallelCorpus.read(typedDev, from + 1, 2 - from, maxPairs).pairs();
            List<String> references = pairs.stream().map(p -> p.target().toLowerCase(Locale.ROOT)).toList();
            List<String> sideBySide = new ArrayList<>(List.of("form\tsource\tthis service\treference"));
            for (var form : forms.entrySet()) {
                List<String> sources = pairs.stream().map(p -> form.getValue().apply(p.source())).toList();
                List<String> translated = translate(direction, sources);
                for (int i = 0; i < sources.size(); i++) {
                    sideBySide.add(form.getKey() + "\t" + sources.get(i) + "\t" + translated.get(i) + "\t" + pairs.get(i).target());
                }
                List<String> ours = translated.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
                String line = String.format(Locale.ROOT, "  %s %-34s this service BLEU %5.2f", direction, form.getKey(),
                        Bleu.corpus(ours, references).score());
                if (apertium && APERTIUM.containsKey(direction)) {
                    List<String> theirs = apertium(direction, sources).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
                    line += String.format(Locale.ROOT, "   apertium BLEU %5.2f", Bleu.corpus(theirs, references).score());
                }
                System.out.println(line);
            }
            write("typed-" + direction + ".tsv", sideBySide);
        }
    }

    private List<String> translate(String direction, List<String> sources) {
        String[] st = direction.split("-");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i += 32) {
            List<String> chunk = sources.subList(i, Math.min(sources.size(), i + 32));
            service.translate(new TranslationRequest(chunk, st[0], st[1], "text", 0, null, null)).forEach(t -> out.add(t.text()));
            System.err.printf("\r%s: %d/%d", direction, out.size(), sources.size());
        }
        System.err.println();
        return out;
    }

    /** Apertium on each source, one per call's line ({@code apertium -u}, unknown words unmarked). */
    private static List<String> apertium(String direction, List<String> sources) throws IOException, InterruptedException {
        Path in = Files.createTempFile("apertium", ".txt");
        try {
            Files.write(in, sources.stream().map(s -> s.replace('\n', ' ')).toList(), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("apertium", "-u", APERTIUM.get(direction), in.toString()).redirectErrorStream(true).start();
            List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || out.size() != sources.size()) {
                throw new IOException("apertium " + APERTIUM.get(direction) + " failed or gave " + out.size() + " lines for " + sources.size());
            }
            return out;
        } finally {
            Files.deleteIfExists(in);
        }
    }

    private static Map<String, List<String[]>> rows(Path file, int columns) throws IOException {
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] r = line.split("\t", -1);
            if (r.length < columns) {
                throw new IOException(file + ": a line has " + r.length + " columns, not " + columns + ": " + line);
            }
            out.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private void write(String name, List<String> lines) throws IOException {
        if (output != null) {
            Files.write(output.resolve(name), lines, StandardCharsets.UTF_8);
        }
    }
}

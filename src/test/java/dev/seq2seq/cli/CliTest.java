package dev.seq2seq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.bundle.BundleReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static String run(int[] exit, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            exit[0] = Cli.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void subcommandsAreRecognised() {
        assertThat(Cli.isSubcommand("train")).isTrue();
        assertThat(Cli.isSubcommand("evaluate")).isTrue();
        assertThat(Cli.isSubcommand("benchmark")).isTrue();
        assertThat(Cli.isSubcommand("average")).isTrue();
        assertThat(Cli.isSubcommand("langid")).isTrue();
        assertThat(Cli.isSubcommand("ensemble")).isTrue();
        assertThat(Cli.isSubcommand("--server.port=9090")).isFalse();
    }

    @Test
    void langidBuildsProfilesAndCalibratesThemOnHeldOutLines(@TempDir Path dir) throws Exception {
        Path tsv = dir.resolve("pairs.tsv");
        Files.writeString(tsv, String.join("\n",
                "the cat sat on the mat\tel gato se sentó en la alfombra",
                "the dog and the cat\tel perro y el gato",
                "where is the house\tdónde está la casa",
                "the dog sleeps in the house\tel perro duerme en la casa",
                "a cat and a dog\tun gato y un perro") + "\n");
        Path out = dir.resolve("langid.tsv");
        int[] exit = new int[1];
        String output = run(exit, "langid", "--output", out.toString(), "--text", "en=" + tsv + ":1", "--text", "es=" + tsv + ":2",
                "--held-out", "en=" + tsv + ":1@4", "--held-out", "es=" + tsv + ":2@4");
        assertThat(exit[0]).as(output).isZero();
        assertThat(output).contains("en: 2 held-out lines").contains("calibration: ");
        var id = dev.seq2seq.ngrams.LanguageIdentifier.load(out);
        assertThat(id.calibration()).isPresent();
        assertThat(id.identify("el perro y la casa", null).get(0).language()).isEqualTo("es");
        String bad = run(exit, "langid", "--output", out.toString(), "--text", "en=" + tsv + ":1", "--held-out", "en=" + tsv);
        assertThat(exit[0]).isNotZero();
        assertThat(bad).contains("expected LANG=FILE:COLUMN[@LINE]");
    }

    @Test
    void averagingOrEnsemblingOneBundleIsAClearError(@TempDir Path dir) {
        for (String command : List.of("average", "ensemble")) {
            int[] exit = new int[1];
            String output = run(exit, command, "--output", dir.resolve("out").toString(), "models/es-en");
            assertThat(exit[0]).as(command).isNotZero();
            assertThat(output).as(command).contains("(BUNDLE) requires at least 2 values");
        }
    }

    @Test
    void ensemblingModelsOfOtherTasksOrLanguagesIsAOneLineError(@TempDir Path dir) {
        int[] exit = new int[1];
        String output = run(exit, "ensemble", "--output", dir.resolve("out").toString(), "models/de-en", "models/ko-chat");
        assertThat(exit[0]).isEqualTo(2);
        assertThat(output).contains("error: ").contains("chat ko->ko").contains("not translate de->en");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownSelectionScoreNamesTheChoices(@TempDir Path dir) {
        int[] exit = new int[1];
        String output = run(exit, "train", "--train", "x.tsv", "--dev", "y.tsv", "--source-column", "1",
                "--target-column", "2", "--source-language", "en", "--target-language", "es",
                "--output", dir.resolve("out").toString(), "--select-by", "accuracy");
        assertThat(exit[0]).isNotZero();
        assertThat(output).contains("--select-by").contains("LOSS, BLEU, CHRF");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void missingRequiredOptionsAreNamed() {
        int[] exit = new int[1];
        String output = run(exit, "train", "--train", "x.tsv");
        assertThat(exit[0]).isNotZero();
        assertThat(output).contains("Missing required options").contains("--dev").contains("--output");
    }

    @Test
    void evaluatingAChatBundlePrintsReplyDiversityWhateverTheSearch(@TempDir Path dir) throws Exception {
        Path test = Files.write(dir.resolve("chat.tsv"), List.of("Hello\tHi", "How are you?\tI am doing well.",
                "Are you a robot?\tNo."), StandardCharsets.UTF_8);
        for (List<String> search : List.of(List.of("--beam-size", "1"), List.of("--temperature", "0.3", "--top-p", "0.5"))) {
            int[] exit = new int[1];
            var args = new java.util.ArrayList<>(List.of("evaluate", "--model", "models/en-chat", "--test", test.toString(),
                    "--source-column", "1", "--target-column", "2", "--output", dir.resolve("hyp.txt").toString()));
            args.addAll(search);
            String output = run(exit, args.toArray(String[]::new));
            assertThat(exit[0]).as(output).isZero();
            assertThat(output).containsPattern("distinct-2 \\d\\.\\d{3}").containsPattern("most frequent reply share \\d\\.\\d{3}");
        }
    }

    @Test
    void optionsTheChosenSearchWouldIgnoreAreAClearError(@TempDir Path dir) throws Exception {
        Path bundle = dev.seq2seq.bundle.TinyBundleAccess.write(dir.resolve("tiny"));   // a beam-search bundle
        Path chat = Files.write(dir.resolve("chat.tsv"), List.of("Hello\tHi"), StandardCharsets.UTF_8);
        int[] exit = new int[1];
        String output = run(exit, "evaluate", "--model", bundle.toString(), "--test", chat.toString(),
                "--source-column", "1", "--target-column", "2", "--output", dir.resolve("a.txt").toString(), "--top-p", "0.5");
        assertThat(exit[0]).isNotZero();
        assertThat(output).contains("apply to sampling only").contains("beam search");
        assertThat(dir.resolve("a.txt")).doesNotExist();
        output = run(exit, "evaluate", "--model", "models/en-chat", "--test", chat.toString(), "--source-column", "1",
                "--target-column", "2", "--output", dir.resolve("b.txt").toString(), "--beam-size", "1", "--temperature", "0.3");
        assertThat(exit[0]).isNotZero();
        assertThat(output).contains("apply to sampling only").contains("--beam-size");
        assertThat(dir.resolve("b.txt")).doesNotExist();
        output = run(exit, "evaluate", "--model", "models/en-chat", "--test", chat.toString(), "--source-column", "1",
                "--target-column", "2", "--output", dir.resolve("c.txt").toString(), "--length-penalty", "1.0");
        assertThat(exit[0]).isNotZero();
        assertThat(output).contains("--length-penalty applies to beam search").contains("samples");
        assertThat(dir.resolve("c.txt")).doesNotExist();
    }

    @Test
    void evaluateWritesOneHypothesisPerLineAndPrintsBleuAndChrf(@TempDir Path dir) throws Exception {
        Path bundle = dev.seq2seq.bundle.TinyBundleAccess.write(dir.resolve("tiny"));
        Path test = Files.write(dir.resolve("test.tsv"), List.of("el gato come pescado\tthe cat eats fish",
                "hola\thello", "la casa es grande\tthe house is big"), StandardCharsets.UTF_8);
        Path hyp = dir.resolve("hyp.txt");
        int[] exit = new int[1];
        String output = run(exit, "evaluate", "--model", bundle.toString(), "--test", test.toString(),
                "--source-column", "1", "--target-column", "2", "--output", hyp.toString(), "--beam-size", "2");
        assertThat(exit[0]).as(output).isZero();
        assertThat(Files.readAllLines(hyp)).hasSize(3);
        assertThat(output).containsPattern("BLEU \\d+\\.\\d\\d").containsPattern("chrF \\d+\\.\\d\\d");
    }

    @Test
    void evaluateWritesTheMemoryBaselinesOutputsWhenAsked(@TempDir Path dir) throws Exception {
        Path bundle = dev.seq2seq.bundle.TinyBundleAccess.write(dir.resolve("tiny"));
        Path train = Files.write(dir.resolve("train.tsv"), List.of("hello there my friend\tGREETING REPLY",
                "the weather is nice today\tWEATHER REPLY"), StandardCharsets.UTF_8);
        Path test = Files.write(dir.resolve("test.tsv"), List.of("nice weather\tx", "hello friend\tx"), StandardCharsets.UTF_8);
        Path retrieved = dir.resolve("retrieved.txt");
        int[] exit = new int[1];
        String output = run(exit, "evaluate", "--model", bundle.toString(), "--test", test.toString(), "--source-column", "1",
                "--target-column", "2", "--output", dir.resolve("hyp.txt").toString(), "--beam-size", "1",
                "--retrieval-train", train.toString(), "--retrieval-output", retrieved.toString());
        assertThat(exit[0]).as(output).isZero();
        assertThat(output).contains("translation-memory baseline (best fuzzy match over 2 pairs): BLEU");
        assertThat(Files.readAllLines(retrieved)).containsExactly("WEATHER REPLY", "GREETING REPLY");
        output = run(exit, "evaluate", "--model", bundle.toString(), "--test", test.toString(), "--source-column", "1",
                "--target-column", "2", "--output", dir.resolve("hyp2.txt").toString(), "--retrieval-output", retrieved.toString());
        assertThat(exit[0]).isNotZero();
        assertThat(output).contains("--memory-output needs --memory");
        assertThat(dir.resolve("hyp2.txt")).doesNotExist();
    }

    @Test
    void wordsWritesTheBundlesSourceWordsWhichItThenLoads(@TempDir Path dir) throws Exception {
        Path bundle = dev.seq2seq.bundle.TinyBundleAccess.write(dir.resolve("tiny"));
        Path train = Files.write(dir.resolve("train.tsv"), List.of("Aiko compra pan\tAiko buys bread",
                "yo compro pan\tI buy bread"), StandardCharsets.UTF_8);
        int[] exit = new int[1];
        String output = run(exit, "words", "--bundle", bundle.toString(), "--train", train.toString(),
                "--source-column", "1", "--target-column", "2");
        assertThat(exit[0]).as(output).isZero();
        assertThat(output).contains("4 words from 2 sources");
        assertThat(Files.readAllLines(bundle.resolve("source.words"))).containsExactly("compra", "compro", "pan", "yo");
        var model = new dev.seq2seq.inference.Seq2SeqModel(dev.seq2seq.bundle.BundleReader.load(bundle));
        assertThat(model.isCommonWord("Compro")).isTrue();
        assertThat(model.isCommonWord("Aiko")).isFalse();
        assertThat(model.isNoun("Aiko")).isFalse();
        // nouns (by default only for German sources): a word with a capital inside a sentence that the translation does not carry
        Path capitals = Files.write(dir.resolve("capitals.tsv"), List.of("yo compro Pan\tI buy bread", "yo veo a Aiko\tI see Aiko"),
                StandardCharsets.UTF_8);
        output = run(exit, "words", "--bundle", bundle.toString(), "--train", capitals.toString(),
                "--source-column", "1", "--target-column", "2", "--noun-min-count", "1");
        assertThat(exit[0]).as(output).isZero();
        assertThat(output).contains("5 words from 2 sources", "1 of them nouns");
        model = new dev.seq2seq.inference.Seq2SeqModel(dev.seq2seq.bundle.BundleReader.load(bundle));
        assertThat(model.isNoun("Pan")).isTrue();
        assertThat(model.isNoun("Aiko")).isFalse();
        output = run(exit, "words", "--bundle", dir.resolve("nope").toString(), "--train", train.toString(),
                "--source-column", "1", "--target-column", "2");
        assertThat(exit[0]).isNotZero();
        assertThat(output).contains("is not a bundle");
    }

    @Test
    void keysAddsListsAndRemovesKeysInTheStoreTheServiceReads(@TempDir Path dir) {
        String store = "--seq2seq.auth.store=" + dir.resolve("keys.json");
        int[] exit = new int[1];
        String output = run(exit, "keys", "add", "--name", "acme", "--requests-per-minute", "30", store);
        assertThat(exit[0]).as(output).isZero();
        String[] lines = output.strip().split("\\R");
        String key = lines[lines.length - 1];
        assertThat(key).startsWith("s2s_").doesNotContain(" ");
        output = run(exit, "keys", "list", store);
        assertThat(exit[0]).isZero();
        assertThat(output).contains("acme").contains("30").contains("never").doesNotContain(key);
        output = run(exit, "keys", "add", "--name", "acme", "--requests-per-minute", "30", store);
        assertThat(exit[0]).isNotZero();
        assertThat(output).contains("exists");
        output = run(exit, "keys", "remove", "acme", store);
        assertThat(exit[0]).isZero();
        output = run(exit, "keys", "remove", "acme", store);
        assertThat(exit[0]).isNotZero();
        assertThat(output).contains("no key named 'acme'");
    }

    @Test
    void evaluateSetsTheTranslationMemoryBesideAnotherSystemsOutputs(@TempDir Path dir) throws Exception {
        Path memoryA = Files.write(dir.resolve("a.tsv"), List.of("the cat eats fish	el gato come pescado"), StandardCharsets.UTF_8);
        Path memoryB = Files.write(dir.resolve("b.tsv"), List.of("the house is big	la casa es grande"), StandardCharsets.UTF_8);
        Path test = Files.write(dir.resolve("test.tsv"), List.of("the house is very big	la casa es muy grande",
                "the cat eats	el gato come"), StandardCharsets.UTF_8);
        Path hyp = Files.write(dir.resolve("hyp.txt"), List.of("la casa es muy grande", "el gato come"), StandardCharsets.UTF_8);
        Path answers = dir.resolve("tm.txt");
        int[] exit = new int[1];
        String output = run(exit, "evaluate", "--hypotheses", hyp.toString(), "--test", test.toString(),
                "--source-column", "1", "--target-column", "2", "--memory", memoryA.toString(), "--memory", memoryB.toString(),
                "--memory-output", answers.toString());
        assertThat(exit[0]).as(output).isZero();
        assertThat(output).contains("BLEU 100.00").contains("translation-memory baseline (best fuzzy match over 2 pairs): BLEU");
        assertThat(Files.readAllLines(answers)).containsExactly("la casa es grande", "el gato come pescado");
    }

    @Test
    void evaluateOnAMissingBundleFailsWithTheFileName(@TempDir Path dir) {
        int[] exit = new int[1];
        String output = run(exit, "evaluate", "--model", dir.resolve("nope").toString(), "--test", "t.tsv",
                "--source-column", "1", "--target-column", "2", "--output", "h.txt");
        assertThat(exit[0]).isNotZero();
        assertThat(output).contains("nope").contains("config.json");
    }

    @Test
    void evaluateScoresAnotherSystemsOutputAndChecksLineCounts(@TempDir Path dir) throws Exception {
        Path test = Files.write(dir.resolve("test.tsv"), List.of("hola\thello there my good friend", "gracias\tthank you very much indeed"), StandardCharsets.UTF_8);
        Path hyp = Files.write(dir.resolve("hyp.txt"), List.of("hello there my good friend", "thank you very much indeed"), StandardCharsets.UTF_8);
        int[] exit = new int[1];
        String output = run(exit, "evaluate", "--hypotheses", hyp.toString(), "--test", test.toString(),
                "--source-column", "1", "--target-column", "2");
        assertThat(exit[0]).as(output).isZero();
        assertThat(output).contains("BLEU 100.00", "chrF 100.00");
        Files.write(hyp, List.of("hello there"), StandardCharsets.UTF_8);
        output = run(exit, "evaluate", "--hypotheses", hyp.toString(), "--test", test.toString(),
                "--source-column", "1", "--target-column", "2");
        assertThat(exit[0]).isNotZero();
        assertThat(output).contains("has 1 lines but").contains("2 pairs");
    }

    /** The train command's required options, writing to {@code out}, with the tiny es-en pairs. */
    private static List<String> trainOn(Path out, String... more) {
        String pairs = "src/test/resources/tiny-models/es-en.tsv";
        var args = new java.util.ArrayList<>(List.of("train", "--train", pairs, "--dev", pairs, "--source-column", "1",
                "--target-column", "2", "--source-language", "es", "--target-language", "en", "--output", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void fineTuningABundleTakesItsShapeAndResumesWithTheSameCommandLine(@TempDir Path dir) throws Exception {
        Path bundle = dev.seq2seq.bundle.TinyBundleAccess.copyCommitted("es-en", dir.resolve("es-en"));
        Path out = dir.resolve("tuned");
        // --hidden as the bundle has it is accepted; the other shape options default to the bundle's
        String[] first = trainOn(out, "--init-from", bundle.toString(), "--hidden", "32", "--batch-size", "8",
                "--learning-rate", "0.0001", "--epochs", "1").toArray(String[]::new);
        int[] exit = new int[1];
        String output = run(exit, first);
        assertThat(exit[0]).as(output).isZero();
        assertThat(output).contains("fine-tuning " + bundle + " (member 1)");
        var card = dev.seq2seq.bundle.BundleReader.readConfig(out);
        // the committed tiny bundle predates placeholders: its vocabularies gain the 16 pieces, appended
        assertThat(output).contains("vocabularies extended by 16 placeholder pieces");
        assertThat(card.architecture()).isEqualTo(new dev.seq2seq.nn.Architecture("lstm", 316, 316, 32, 32, 32, 32, 0.2));
        assertThat(card.training().hyperparameters()).containsEntry("initFrom", bundle + " (member 1)");
        assertThat(Files.readString(out.resolve("target.vocab"))).isEqualTo(Files.readString(bundle.resolve("target.vocab"))
                + String.join("\n", dev.seq2seq.spans.Placeholders.pieces()) + "\n");

        String[] again = trainOn(out, "--init-from", bundle.toString(), "--hidden", "32", "--batch-size", "8",
                "--learning-rate", "0.0001", "--epochs", "2").toArray(String[]::new);
        output = run(exit, again);
        assertThat(exit[0]).as(output).isZero();
        assertThat(output).contains("resuming from").contains("--init-from " + bundle + " (member 1) has no further effect")
                .doesNotContain("fine-tuning");
        assertThat(dev.seq2seq.bundle.BundleReader.readConfig(out).training().epochs()).isEqualTo(2);

        // the fine-tuned model shipped into the bundle it started from (316 pieces now, not 300):
        // the same command still resumes, with the checkpoint's shape
        for (String file : List.of("config.json", "weights.zip", "source.vocab", "source.merges", "target.vocab", "target.merges")) {
            Files.copy(out.resolve(file), bundle.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String[] third = trainOn(out, "--init-from", bundle.toString(), "--batch-size", "8",
                "--learning-rate", "0.0001", "--epochs", "3").toArray(String[]::new);
        output = run(exit, third);
        assertThat(exit[0]).as(output).isZero();
        assertThat(output).contains("resuming from");
        assertThat(dev.seq2seq.bundle.BundleReader.readConfig(out).training().epochs()).isEqualTo(3);
        assertThat(dev.seq2seq.bundle.BundleReader.readConfig(out).architecture().sourceVocabularySize()).isEqualTo(316);
    }

    @Test
    void fineTuningOptionsThatWouldBeIgnoredOrConflictAreOneLineErrors(@TempDir Path dir) throws Exception {
        Path bundle = dev.seq2seq.bundle.TinyBundleAccess.copyCommitted("es-en", dir.resolve("es-en"));
        Path out = dir.resolve("tuned");
        String from = bundle.toString();
        var cases = java.util.Map.of(
                List.of("--init-from", from, "--target-vocab", "300"), "--target-vocab cannot be used with --init-from",
                List.of("--init-from", from, "--hidden", "64", "--cell", "LSTM", "--attention", "16"),
                "not --hidden 64 (bundle: 32), --attention 16 (bundle: 32)",
                List.of("--init-from", from, "--init-member", "2"), "--init-member 2: " + from + " has 1 network",
                List.of("--init-from", dir.resolve("nothing").toString()), "config.json: missing",
                List.of("--init-member", "1"), "--init-member needs --init-from",
                List.of("--init-from", from, "--task", "chat"), "give --task translate",
                List.of("--init-keep", "target"), "--init-keep needs --init-from",
                List.of("--init-from", from, "--init-keep", "sideways"), "--init-keep sideways: give both, source or target",
                List.of("--init-from", from, "--init-keep", "target", "--target-vocab", "300"), "--target-vocab cannot be used with --init-from");
        cases.forEach((options, message) -> {
            int[] exit = new int[1];
            var args = trainOn(out);
            args.addAll(options);
            String output = run(exit, args.toArray(String[]::new));
            assertThat(exit[0]).as(output).isEqualTo(2);
            assertThat(output).as(options.toString()).startsWith("error: ").contains(message).doesNotContain("\tat ");
            assertThat(out).doesNotExist();
        });
        int[] exit = new int[1];
        String output = run(exit, trainOn(bundle, "--init-from", from).toArray(String[]::new));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(output).contains("--output " + from + " is the --init-from bundle");
        assertThat(Files.readString(bundle.resolve("config.json")))
                .isEqualTo(Files.readString(Path.of("src/test/resources/tiny-models/es-en/config.json")));
    }
}

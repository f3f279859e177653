package dev.seq2seq.bundle;

import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.Seq2SeqGraph;
import dev.seq2seq.text.BpeTokenizer;
import dev.seq2seq.text.BpeTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** A small randomly initialised bundle for tests that need a real model directory, not a good model. */
public final class TinyBundle {
    public static final List<String> SOURCES = List.of("el gato come pescado", "la casa es grande", "¿dónde está el tren?",
            "mañana vamos a la playa", "el niño lee un libro", "hola", "buenos días a todos");
    public static final List<String> TARGETS = List.of("the cat eats fish", "the house is big", "where is the train?",
            "tomorrow we go to the beach", "the boy reads a book", "hello", "good morning everyone");

    private TinyBundle() {}

    public static Path write(Path dir) throws IOException {
        BpeTokenizer source = new BpeTrainer(300, 1.0).train(SOURCES);
        BpeTokenizer target = new BpeTrainer(300, 1.0).train(TARGETS);
        Architecture arch = new Architecture("lstm", source.vocabulary().size(), target.vocabulary().size(), 8, 8, 8, 8, 0.0);
        ComputationGraph graph = new ComputationGraph(Seq2SeqGraph.configuration(arch, 0.01, 99));
        graph.init();
        BundleConfig config = new BundleConfig(BundleConfig.FORMAT, "tiny", BundleConfig.TRANSLATE, "es", "en", arch,
                BundleConfig.SpecialTokens.standard(), new BundleConfig.TokenizerFiles("bpe", "source", "target"),
                ModelBundle.WEIGHTS, null, 64, false, new BundleConfig.Decoding("beam", 3, 0.6, 1, 0, 1, 0, 2.0, null, null, null),
                new BundleConfig.Data("tiny", "CC0", "test", "train.tsv", "dev.tsv", 1, 2, SOURCES.size()),
                new BundleConfig.Training(Map.of(), 0, 0, 0, 0, null), Map.of());
        BundleWriter.save(dir, config, graph, source, target);
        return dir;
    }
}

package dev.seq2seq.cli;

import dev.seq2seq.corpus.Batches;
import dev.seq2seq.decoder.EncoderDecoder;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.NativeBackend;
import dev.seq2seq.nn.Seq2SeqGraph;
import dev.seq2seq.search.DecoderState;
import dev.seq2seq.search.DecoderStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure GEMM GFLOP/s, training target tokens/s and decoder microseconds per step on this machine.")
final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--hidden", defaultValue = "256", description = "H for encoder (per direction), decoder, attention and embeddings") int hidden;
    @Option(names = "--vocab", defaultValue = "8000") int vocab;
    @Option(names = "--cell", defaultValue = "lstm") String cell;
    @Option(names = "--train-batches", defaultValue = "20") int trainBatches;
    @Option(names = "--batch-size", defaultValue = "64") int batchSize;
    @Option(names = "--length", defaultValue = "15", description = "source and target length for training") int length;
    @Option(names = "--steps", defaultValue = "200", description = "decoder steps timed per batch size") int steps;

    @Override
    public Integer call() {
        Architecture arch = new Architecture(cell, vocab, vocab, hidden, hidden, hidden, hidden, 0.0);
        System.out.printf(Locale.ROOT, "natives: %s; ND4J threads: %s; model: %s H=%d V=%d (%,d parameters)%n",
                NativeBackend.describe(), System.getenv().getOrDefault("OMP_NUM_THREADS", "default"), cell, hidden, vocab,
                arch.parameterCount());
        double peak = gemm();
        ComputationGraph graph = new ComputationGraph(Seq2SeqGraph.configuration(arch, 1e-3, 1));
        graph.init();
        train(graph);
        decode(arch, graph, peak);
        return 0;
    }

    /** Square products through BLAS gemm ({@code INDArray.mmul}) and libnd4j's matmul op; the best is the peak. */
    private double gemm() {
        double best = 0;
        for (int n : new int[] {256, 512, 1024}) {
            INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
            INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
            INDArray out = Nd4j.create(DataType.FLOAT, n, n);
            int reps = Math.max(3, (int) (2e9 / (2.0 * n * n * n)));
            double blas = time(() -> a.mmul(b), reps, n);
            double op = time(() -> Nd4j.exec(new Mmul(a, b, out, null)), reps, n);
            System.out.printf(Locale.ROOT, "GEMM %dx%d x %dx%d: %.1f GFLOP/s (BLAS mmul), %.1f GFLOP/s (matmul op)%n",
                    n, n, n, n, blas, op);
            best = Math.max(best, Math.max(blas, op));
        }
        return best;
    }

    private static double time(Runnable product, int reps, int n) {
        product.run();
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            product.run();
        }
        return 2.0 * n * n * n * reps / (System.nanoTime() - t0);
    }

    private void train(ComputationGraph graph) {
        Random random = new Random(1);
        List<Batches.EncodedPair> pairs = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
            int[] src = random.ints(length, 4, vocab).toArray();
            int[] tgt = random.ints(length - 1, 4, vocab).toArray();
            pairs.add(new Batches.EncodedPair(src, tgt));
        }
        int[] batch = new int[batchSize];
        Arrays.setAll(batch, i -> i);
        var data = Batches.toDataSet(pairs, batch, 2, 3);
        graph.fit(data);   // warm-up
        long t0 = System.nanoTime();
        for (int i = 0; i < trainBatches; i++) {
            graph.fit(data);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "training: %.0f target tokens/s (batch %d, length %d, %d batches, %.2f s per batch)%n",
                (double) trainBatches * batchSize * length / seconds, batchSize, length, trainBatches, seconds / trainBatches);
    }

    private void decode(Architecture arch, ComputationGraph graph, double peak) {
        EncoderDecoder network = new EncoderDecoder(arch, graph);
        Random random = new Random(2);
        int d = arch.decoderSize(), a = arch.attentionSize(), e = arch.embeddingSize(), g = arch.gates();
        double flopsPerRow = 2.0 * ((e + d) * (double) g * d + d * a + a * a + (d + a) * d + d * (double) arch.targetVocabularySize());
        for (int b : new int[] {1, 8, 32}) {
            int[][] sources = new int[b][];
            for (int i = 0; i < b; i++) {
                sources[i] = random.ints(12, 4, arch.sourceVocabularySize()).toArray();
            }
            DecoderStep step = network.start(sources, 2, 3);
            DecoderState state = step.initialState();
            int[] tokens = new int[b];
            Arrays.fill(tokens, 5);
            for (int i = 0; i < 20; i++) {
                step.logProbs(state, tokens);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                step.logProbs(state, tokens);
            }
            double micros = (System.nanoTime() - t0) / 1e3 / steps;
            double gflops = flopsPerRow * b / (micros * 1e3);
            System.out.printf(Locale.ROOT, "decode batch %2d: %8.1f us/step  %6.1f GFLOP/s (%.0f%% of GEMM peak)%n",
                    b, micros, gflops, 100 * gflops / peak);
        }
    }
}

package dev.seq2seq.decoder;

import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.Seq2SeqGraph;
import dev.seq2seq.search.DecoderState;
import dev.seq2seq.search.DecoderStep;
import dev.seq2seq.search.DecoderTrace;
import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The trained network written out for inference: the encoder runs once per batch of sources, then
 * {@link DecoderStep} advances any number of hypotheses one token at a time. Matrix products go to
 * ND4J, gate arithmetic and attention stay in plain Java over caller-owned arrays, so the object is
 * immutable and thread-safe. It reads the weights of a graph built by {@link Seq2SeqGraph} once,
 * by vertex name, and never calls the graph again.
 */
public final class EncoderDecoder {
    private final Architecture arch;
    private final Encoder encoder;
    private final float[] tgtEmbed;          // [Vt, E]
    private final RecurrentCell decoder;
    private final INDArray decStacked;       // [E + D, G*D]: rows for the embedding, then RW
    private final INDArray wq;               // [D, A]
    private final INDArray wo;               // [A, A]
    private final INDArray hiddenW;          // [D + A, D]
    private final float[] hiddenB;
    private final INDArray outW;             // [D, Vt]
    private final float[] outB;              // [Vt]
    private final long parameters;

    public EncoderDecoder(Architecture arch, ComputationGraph graph) {
        this.arch = arch;
        int e = arch.embeddingSize();
        this.tgtEmbed = Matrices.rowMajor(Matrices.dense(graph.getLayer(Seq2SeqGraph.TGT_EMBED).getParam("W")));
        var dec = graph.getLayer(Seq2SeqGraph.DECODER);
        INDArray decW = Matrices.dense(dec.getParam("W"));
        this.decoder = new RecurrentCell(arch.cell(), decW, Matrices.dense(dec.getParam("RW")), Matrices.dense(dec.getParam("b")));
        this.decStacked = Nd4j.vstack(decW.get(NDArrayIndex.interval(0, e), NDArrayIndex.all()), decoder.recurrentWeights()).dup('c');
        this.encoder = new Encoder(arch, graph, decW.get(NDArrayIndex.interval(e, e + arch.encoderStateSize()), NDArrayIndex.all()).dup('c'),
                decoder.bias());
        var attention = graph.getVertex(Seq2SeqGraph.ATTENTION).paramTable(false);
        int a = arch.attentionSize();
        this.wq = Matrices.dense(attention.get("Wq").reshape(a, arch.decoderSize()).transpose());
        this.wo = Matrices.dense(attention.get("Wo"));
        var hidden = graph.getLayer(Seq2SeqGraph.HIDDEN);
        this.hiddenW = Matrices.dense(hidden.getParam("W"));
        this.hiddenB = Matrices.dense(hidden.getParam("b")).toFloatVector();
        var out = graph.getLayer(Seq2SeqGraph.OUTPUT);
        this.outW = Matrices.dense(out.getParam("W"));
        this.outB = Matrices.dense(out.getParam("b")).toFloatVector();
        this.parameters = graph.params().length();   // numParams() leaves out the attention vertex's weights
    }

    /** Number of trained parameters. */
    public long parameterCount() {
        return parameters;
    }

    public Architecture architecture() {
        return arch;
    }

    /**
     * Encodes a batch of sources (token ids, each already ending in EOS, none empty) and returns the
     * decoder step bound to them.
     */
    public DecoderStep start(int[][] sources, int startToken, int endToken) {
        return new Step(encoder.encode(sources), startToken, endToken);
    }

    /**
     * Decodes one source (token ids ending in EOS) while feeding it the given target (ids without
     * start or end token) and records attention and gates at every step; see {@link DecoderTrace}.
     */
    public DecoderTrace trace(int[] source, int[] target, int startToken, int endToken) {
        Step step = new Step(encoder.encode(new int[][] {source}), startToken, endToken);
        State state = (State) step.initialState();
        state.gates = new double[1][];
        int steps = target.length + 1;
        float[][] attention = new float[steps][];
        boolean lstm = decoder.isLstm();
        double[] forget = lstm ? new double[steps] : null;
        double[] input = lstm ? new double[steps] : null;
        double[] output = lstm ? new double[steps] : null;
        double[] cell = lstm ? new double[steps] : null;
        int previous = startToken;
        for (int t = 0; t < steps; t++) {
            step.logProbs(state, new int[] {previous});
            attention[t] = state.attention(0);
            if (lstm) {
                forget[t] = state.gates[0][0];
                input[t] = state.gates[0][1];
                output[t] = state.gates[0][2];
                double size = 0;
                for (int j = 0; j < arch.decoderSize(); j++) {
                    size += Math.abs(state.c[j]);
                }
                cell[t] = size / arch.decoderSize();
            }
            previous = t < target.length ? target[t] : endToken;
        }
        return new DecoderTrace(attention, forget, input, output, cell);
    }

    final class Step implements DecoderStep {
        private final Encoder.Encoding enc;
        private final int startToken;
        private final int endToken;
        private final Matrices.Scratch scratch = new Matrices.Scratch();

        Step(Encoder.Encoding enc, int startToken, int endToken) {
            this.enc = enc;
            this.startToken = startToken;
            this.endToken = endToken;
        }

        @Override public int sources() { return enc.batch(); }
        @Override public int vocabularySize() { return arch.targetVocabularySize(); }
        @Override public int startToken() { return startToken; }
        @Override public int endToken() { return endToken; }

        @Override
        public DecoderState initialState() {
            int[] rows = new int[enc.batch()];
            Arrays.setAll(rows, i -> i);
            return new State(rows, arch.decoderSize());
        }

        @Override
        public DecoderState select(DecoderState state, int[] rows) {
            State old = (State) state;
            int d = arch.decoderSize();
            int[] sourceOf = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                sourceOf[i] = old.sourceOf[rows[i]];
            }
            State next = new State(sourceOf, d);
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(old.h, rows[i] * d, next.h, i * d, d);
                System.arraycopy(old.c, rows[i] * d, next.c, i * d, d);
            }
            return next;
        }

        @Override
        public float[] logProbs(DecoderState decoderState, int[] previousTokens) {
            State state = (State) decoderState;
            if (previousTokens.length != state.rows()) {
                throw new IllegalArgumentException(previousTokens.length + " tokens for " + state.rows() + " rows");
            }
            recurrentStep(state, previousTokens);
            float[] attended = scratch.times(attend(state), state.rows(), wo);
            return output(state, attended);
        }

        /** [embedding ; h] x [W_embedding ; RW] + (encoder mean x W_context + b), then the cell: advances h and c. */
        private void recurrentStep(State state, int[] previousTokens) {
            int rows = state.rows();
            int e = arch.embeddingSize();
            int d = arch.decoderSize();
            int width = decoder.width();
            float[] input = new float[rows * (e + d)];
            for (int r = 0; r < rows; r++) {
                int token = previousTokens[r];
                if (token < 0 || token >= arch.targetVocabularySize()) {
                    throw new IllegalArgumentException("target token " + token + " outside the vocabulary");
                }
                System.arraycopy(tgtEmbed, token * e, input, r * (e + d), e);
                System.arraycopy(state.h, r * d, input, r * (e + d) + e, d);
            }
            float[] pre = scratch.times(input, rows, decStacked);
            for (int r = 0; r < rows; r++) {
                int src = state.sourceOf[r] * width;
                for (int j = 0; j < width; j++) {
                    pre[r * width + j] += enc.contextPre()[src + j];
                }
            }
            if (state.gates != null && decoder.isLstm()) {
                for (int r = 0; r < rows; r++) {
                    state.gates[r] = decoder.meanGates(pre, r);
                }
            }
            decoder.activate(pre, rows, state.h, state.c);
        }

        /**
         * One projected dot-product head over the source positions: keeps each row's weights in
         * the state and returns the context vectors, [rows, A], before the output projection.
         */
        private float[] attend(State state) {
            int rows = state.rows();
            int a = arch.attentionSize();
            float[] queries = scratch.times(state.h, rows, wq);
            float[] context = new float[rows * a];
            float[][] weights = new float[rows][];
            for (int r = 0; r < rows; r++) {
                int b = state.sourceOf[r];
                float[] w = attentionWeights(queries, r, b);
                for (int t = 0; t < w.length; t++) {
                    int v = (b * enc.maxLength() + t) * a;
                    for (int j = 0; j < a; j++) {
                        context[r * a + j] += w[t] * enc.values()[v + j];
                    }
                }
                weights[r] = w;
            }
            state.attention = weights;
            return context;
        }

        /** Softmax of row r's scaled query-key products over the positions of its source b. */
        private float[] attentionWeights(float[] queries, int r, int b) {
            int a = arch.attentionSize();
            int length = enc.lengths()[b];
            double scale = 1.0 / Math.sqrt(a);
            float[] w = new float[length];
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < length; t++) {
                int k = (b * enc.maxLength() + t) * a;
                double dot = 0;
                for (int j = 0; j < a; j++) {
                    dot += queries[r * a + j] * enc.keys()[k + j];
                }
                w[t] = (float) (dot * scale);
                max = Math.max(max, w[t]);
            }
            double sum = 0;
            for (int t = 0; t < length; t++) {
                double v = Math.exp(w[t] - max);
                w[t] = (float) v;
                sum += v;
            }
            for (int t = 0; t < length; t++) {
                w[t] = (float) (w[t] / sum);
            }
            return w;
        }

        /** [h ; attention] -> tanh hidden -> log-softmax over the target vocabulary. */
        private float[] output(State state, float[] attended) {
            int rows = state.rows();
            int d = arch.decoderSize();
            int a = arch.attentionSize();
            float[] combined = new float[rows * (d + a)];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(state.h, r * d, combined, r * (d + a), d);
                System.arraycopy(attended, r * a, combined, r * (d + a) + d, a);
            }
            float[] hidden = scratch.times(combined, rows, hiddenW);
            for (int i = 0; i < hidden.length; i++) {
                hidden[i] = RecurrentCell.tanh(hidden[i] + hiddenB[i % d]);
            }
            float[] logits = scratch.times(hidden, rows, outW);
            Matrices.logSoftmax(logits, rows, outB);
            return logits;
        }
    }
}

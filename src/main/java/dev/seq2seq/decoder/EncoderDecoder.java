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

/**
 * The trained network written out for inference: the encoder runs once per batch of sources, then
 * {@link DecoderStep} advances any number of hypotheses one token at a time. Matrix products go to
 * ND4J, gate arithmetic and attention stay in plain Java over caller-owned arrays, so the object is
 * immutable and thread-safe. It reads the weights of a graph built by {@link Seq2SeqGraph} once,
 * by vertex name, and never calls the graph again.
 */
public final class EncoderDecoder {
    private final Architecture arch;
    private final float[] srcEmbed;          // [Vs, E]
    private final float[] tgtEmbed;          // [Vt, E]
    private final RecurrentCell encForward;
    private final RecurrentCell encBackward;
    private final RecurrentCell decoder;
    private final INDArray decStacked;       // [E + D, G*D]: rows for the embedding, then RW
    private final INDArray decContextW;      // [2H, G*D]: rows of W fed by the encoder mean
    private final INDArray wq;               // [D, A]
    private final INDArray wk;               // [2H, A]
    private final INDArray wv;               // [2H, A]
    private final INDArray wo;               // [A, A]
    private final INDArray hiddenW;          // [D + A, D]
    private final float[] hiddenB;
    private final INDArray outW;             // [D, Vt]
    private final float[] outB;              // [Vt]
    private final long parameters;

    public EncoderDecoder(Architecture arch, ComputationGraph graph) {
        this.arch = arch;
        int e = arch.embeddingSize();
        this.srcEmbed = Matrices.rowMajor(Matrices.dense(graph.getLayer(Seq2SeqGraph.SRC_EMBED).getParam("W")));
        this.tgtEmbed = Matrices.rowMajor(Matrices.dense(graph.getLayer(Seq2SeqGraph.TGT_EMBED).getParam("W")));
        var enc = graph.getLayer(Seq2SeqGraph.ENCODER);
        this.encForward = new RecurrentCell(arch.cell(), Matrices.dense(enc.getParam("fW")),
                Matrices.dense(enc.getParam("fRW")), Matrices.dense(enc.getParam("fb")));
        this.encBackward = new RecurrentCell(arch.cell(), Matrices.dense(enc.getParam("bW")),
                Matrices.dense(enc.getParam("bRW")), Matrices.dense(enc.getParam("bb")));
        var dec = graph.getLayer(Seq2SeqGraph.DECODER);
        INDArray decW = Matrices.dense(dec.getParam("W"));
        this.decoder = new RecurrentCell(arch.cell(), decW, Matrices.dense(dec.getParam("RW")), Matrices.dense(dec.getParam("b")));
        this.decStacked = Nd4j.vstack(decW.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, e),
                org.nd4j.linalg.indexing.NDArrayIndex.all()), decoder.recurrentWeights()).dup('c');
        this.decContextW = decW.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(e, e + arch.encoderStateSize()),
                org.nd4j.linalg.indexing.NDArrayIndex.all()).dup('c');
        var attention = graph.getVertex(Seq2SeqGraph.ATTENTION).paramTable(false);
        int a = arch.attentionSize();
        this.wq = Matrices.dense(attention.get("Wq").reshape(a, arch.decoderSize()).transpose());
        this.wk = Matrices.dense(attention.get("Wk").reshape(a, arch.encoderStateSize()).transpose());
        this.wv = Matrices.dense(attention.get("Wv").reshape(a, arch.encoderStateSize()).transpose());
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
        return new Step(encode(sources), startToken, endToken);
    }

    /**
     * Decodes one source (token ids ending in EOS) while feeding it the given target (ids without
     * start or end token) and records attention and gates at every step; see {@link DecoderTrace}.
     */
    public DecoderTrace trace(int[] source, int[] target, int startToken, int endToken) {
        Step step = new Step(encode(new int[][] {source}), startToken, endToken);
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

    /** Encoder states and what the decoder precomputes from them, for one batch. */
    record Encoding(int batch, int maxLength, int[] lengths, float[] states, float[] keys, float[] values, float[] contextPre) {}

    Encoding encode(int[][] sources) {
        int batch = sources.length;
        if (batch == 0) {
            throw new IllegalArgumentException("no sources to encode");
        }
        int[] lengths = new int[batch];
        int maxLength = 0;
        for (int b = 0; b < batch; b++) {
            if (sources[b].length == 0) {
                throw new IllegalArgumentException("source " + b + " is empty");
            }
            lengths[b] = sources[b].length;
            maxLength = Math.max(maxLength, lengths[b]);
        }
        int e = arch.embeddingSize();
        int h = arch.hiddenSize();
        int s = arch.encoderStateSize();
        float[] embedded = new float[batch * maxLength * e];     // row b*T + t
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                int token = sources[b][t];
                if (token < 0 || token >= arch.sourceVocabularySize()) {
                    throw new IllegalArgumentException("source token " + token + " outside the vocabulary");
                }
                System.arraycopy(srcEmbed, token * e, embedded, (b * maxLength + t) * e, e);
            }
        }
        float[] states = new float[batch * maxLength * s];
        runDirection(encForward, embedded, batch, maxLength, lengths, states, 0, false);
        runDirection(encBackward, embedded, batch, maxLength, lengths, states, h, true);

        float[] mean = new float[batch * s];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                int row = (b * maxLength + t) * s;
                for (int j = 0; j < s; j++) {
                    mean[b * s + j] += states[row + j];
                }
            }
            for (int j = 0; j < s; j++) {
                mean[b * s + j] /= lengths[b];
            }
        }
        float[] contextPre = Matrices.times(mean, batch, decContextW);
        float[] bias = decoder.bias();
        for (int i = 0; i < contextPre.length; i++) {
            contextPre[i] += bias[i % bias.length];
        }
        float[] keys = Matrices.times(states, batch * maxLength, wk);
        float[] values = Matrices.times(states, batch * maxLength, wv);
        return new Encoding(batch, maxLength, lengths, states, keys, values, contextPre);
    }

    /** One direction of the encoder; padded steps reset the state to zero, as DL4J's masking does. */
    private static void runDirection(RecurrentCell cell, float[] embedded, int batch, int maxLength, int[] lengths,
                                     float[] states, int offset, boolean backward) {
        int hs = cell.hiddenSize();
        int width = cell.width();
        int stateSize = 2 * hs;
        float[] inputPre = Matrices.times(embedded, batch * maxLength, cell.inputWeights());   // [B*T, G*H]
        float[] bias = cell.bias();
        float[] h = new float[batch * hs];
        float[] c = new float[batch * hs];
        float[] pre = new float[batch * width];
        for (int step = 0; step < maxLength; step++) {
            int t = backward ? maxLength - 1 - step : step;
            float[] recurrent = Matrices.times(h, batch, cell.recurrentWeights());
            for (int b = 0; b < batch; b++) {
                int src = (b * maxLength + t) * width;
                for (int j = 0; j < width; j++) {
                    pre[b * width + j] = inputPre[src + j] + recurrent[b * width + j] + bias[j];
                }
            }
            cell.activate(pre, batch, h, c);
            for (int b = 0; b < batch; b++) {
                if (t >= lengths[b]) {
                    Arrays.fill(h, b * hs, (b + 1) * hs, 0f);
                    Arrays.fill(c, b * hs, (b + 1) * hs, 0f);
                } else {
                    System.arraycopy(h, b * hs, states, (b * maxLength + t) * stateSize + offset, hs);
                }
            }
        }
    }

    /**
     * Adds the bias and turns each row into log-probabilities in place. Plain Java: libnd4j's
     * log_softmax op took about as long as all the step's matrix products together.
     */
    static void logSoftmax(float[] logits, int rows, float[] bias) {
        int v = bias.length;
        for (int r = 0; r < rows; r++) {
            int o = r * v;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < v; j++) {
                float x = logits[o + j] + bias[j];
                logits[o + j] = x;
                max = Math.max(max, x);
            }
            double sum = 0;
            for (int j = 0; j < v; j++) {
                sum += Math.exp(logits[o + j] - max);
            }
            float logZ = (float) (max + Math.log(sum));
            for (int j = 0; j < v; j++) {
                logits[o + j] -= logZ;
            }
        }
    }

    /** Decoder state: recurrent state per row and the attention weights of the last step. */
    static final class State implements DecoderState {
        final int[] sourceOf;
        final float[] h;
        final float[] c;
        float[][] attention;
        double[][] gates;   // per row: mean forget, input and output gate of the last step; null unless traced

        State(int[] sourceOf, int hidden) {
            this.sourceOf = sourceOf;
            this.h = new float[sourceOf.length * hidden];
            this.c = new float[sourceOf.length * hidden];
        }

        @Override public int rows() { return sourceOf.length; }
        @Override public int source(int row) { return sourceOf[row]; }

        /** Attention weights over the source positions that the given row used at its last step. */
        float[] attention(int row) { return attention == null ? null : attention[row]; }
    }

    final class Step implements DecoderStep {
        private final Encoding enc;
        private final int startToken;
        private final int endToken;

        Step(Encoding enc, int startToken, int endToken) {
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
            int rows = state.rows();
            if (previousTokens.length != rows) {
                throw new IllegalArgumentException(previousTokens.length + " tokens for " + rows + " rows");
            }
            int e = arch.embeddingSize();
            int d = arch.decoderSize();
            int a = arch.attentionSize();
            int width = decoder.width();

            // recurrent step: [embedding ; h] x [W_embedding ; RW] + (encoder mean x W_context + b)
            float[] input = new float[rows * (e + d)];
            for (int r = 0; r < rows; r++) {
                int token = previousTokens[r];
                if (token < 0 || token >= arch.targetVocabularySize()) {
                    throw new IllegalArgumentException("target token " + token + " outside the vocabulary");
                }
                System.arraycopy(tgtEmbed, token * e, input, r * (e + d), e);
                System.arraycopy(state.h, r * d, input, r * (e + d) + e, d);
            }
            float[] pre = Matrices.times(input, rows, decStacked);
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

            // attention: one projected dot-product head over the source positions
            float[] queries = Matrices.times(state.h, rows, wq);
            float[] context = new float[rows * a];
            float[][] weights = new float[rows][];
            double scale = 1.0 / Math.sqrt(a);
            for (int r = 0; r < rows; r++) {
                int b = state.sourceOf[r];
                int length = enc.lengths()[b];
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
                    int v = (b * enc.maxLength() + t) * a;
                    for (int j = 0; j < a; j++) {
                        context[r * a + j] += w[t] * enc.values()[v + j];
                    }
                }
                weights[r] = w;
            }
            state.attention = weights;
            float[] attended = Matrices.times(context, rows, wo);

            // [h ; attention] -> tanh hidden -> log-softmax over the target vocabulary
            float[] combined = new float[rows * (d + a)];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(state.h, r * d, combined, r * (d + a), d);
                System.arraycopy(attended, r * a, combined, r * (d + a) + d, a);
            }
            float[] hidden = Matrices.times(combined, rows, hiddenW);
            for (int i = 0; i < hidden.length; i++) {
                hidden[i] = RecurrentCell.tanh(hidden[i] + hiddenB[i % d]);
            }
            float[] logits = Matrices.rowMajor(Matrices.product(Matrices.matrix(hidden, rows, d), outW));
            logSoftmax(logits, rows, outB);
            return logits;
        }
    }
}

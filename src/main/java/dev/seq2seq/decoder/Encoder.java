package dev.seq2seq.decoder;

import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.Seq2SeqGraph;
import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The bidirectional encoder of an {@link EncoderDecoder}, and what the decoder precomputes from its
 * states once per batch: the attention keys and values, and the encoder mean's share of the
 * decoder's gate inputs. Immutable; its work lives in the {@link Encoding} it returns.
 */
final class Encoder {
    private final Architecture arch;
    private final float[] srcEmbed;          // [Vs, E]
    private final RecurrentCell forward;
    private final RecurrentCell backward;
    private final INDArray decContextW;      // [2H, G*D]: rows of the decoder's W fed by the encoder mean
    private final float[] decoderBias;
    private final INDArray wk;               // [2H, A]
    private final INDArray wv;               // [2H, A]

    Encoder(Architecture arch, ComputationGraph graph, INDArray decContextW, float[] decoderBias) {
        this.arch = arch;
        this.srcEmbed = Matrices.rowMajor(Matrices.dense(graph.getLayer(Seq2SeqGraph.SRC_EMBED).getParam("W")));
        var enc = graph.getLayer(Seq2SeqGraph.ENCODER);
        this.forward = new RecurrentCell(arch.cell(), Matrices.dense(enc.getParam("fW")),
                Matrices.dense(enc.getParam("fRW")), Matrices.dense(enc.getParam("fb")));
        this.backward = new RecurrentCell(arch.cell(), Matrices.dense(enc.getParam("bW")),
                Matrices.dense(enc.getParam("bRW")), Matrices.dense(enc.getParam("bb")));
        this.decContextW = decContextW;
        this.decoderBias = decoderBias;
        var attention = graph.getVertex(Seq2SeqGraph.ATTENTION).paramTable(false);
        int a = arch.attentionSize();
        this.wk = Matrices.dense(attention.get("Wk").reshape(a, arch.encoderStateSize()).transpose());
        this.wv = Matrices.dense(attention.get("Wv").reshape(a, arch.encoderStateSize()).transpose());
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
        float[] embedded = embed(sources, lengths, maxLength);
        float[] states = new float[batch * maxLength * arch.encoderStateSize()];
        runDirection(forward, embedded, batch, maxLength, lengths, states, 0, false);
        runDirection(backward, embedded, batch, maxLength, lengths, states, arch.hiddenSize(), true);
        float[] contextPre = Matrices.times(mean(states, lengths, maxLength), batch, decContextW);
        for (int i = 0; i < contextPre.length; i++) {
            contextPre[i] += decoderBias[i % decoderBias.length];
        }
        float[] keys = Matrices.times(states, batch * maxLength, wk);
        float[] values = Matrices.times(states, batch * maxLength, wv);
        return new Encoding(batch, maxLength, lengths, states, keys, values, contextPre);
    }

    /** The source embeddings, row b*T + t; padding rows stay zero. */
    private float[] embed(int[][] sources, int[] lengths, int maxLength) {
        int e = arch.embeddingSize();
        float[] embedded = new float[sources.length * maxLength * e];
        for (int b = 0; b < sources.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                int token = sources[b][t];
                if (token < 0 || token >= arch.sourceVocabularySize()) {
                    throw new IllegalArgumentException("source token " + token + " outside the vocabulary");
                }
                System.arraycopy(srcEmbed, token * e, embedded, (b * maxLength + t) * e, e);
            }
        }
        return embedded;
    }

    /** Each source's mean encoder state over its own positions, [B, 2H]. */
    private float[] mean(float[] states, int[] lengths, int maxLength) {
        int s = arch.encoderStateSize();
        float[] mean = new float[lengths.length * s];
        for (int b = 0; b < lengths.length; b++) {
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
        return mean;
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
        Matrices.Scratch scratch = new Matrices.Scratch();
        for (int step = 0; step < maxLength; step++) {
            int t = backward ? maxLength - 1 - step : step;
            float[] recurrent = scratch.times(h, batch, cell.recurrentWeights());
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
}

package dev.seq2seq.corpus;

import dev.seq2seq.nn.Seq2SeqGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Length-bucketed minibatches: every batch holds pairs of one source length and one target
 * length, so nothing is padded, and the batch order is shuffled.
 *
 * <p>Equal lengths are a correctness matter, not only speed. With DL4J 1.0.0-M2.1 the graph's
 * gradients are wrong as soon as a batch is padded: after the first update the bidirectional
 * LSTM stops applying the source mask, and with padded targets the decoder's gradients no longer
 * match finite differences (some change sign). Unpadded batches give gradients that match
 * (see {@code GradientCheckTest}), and the same function as {@code EncoderDecoder} serves.
 */
public final class Batches {
    /** Ids of one pair: the source already ends in EOS, the target has neither BOS nor EOS. */
    public record EncodedPair(int[] source, int[] target) {
        public int targetTokens() {
            return target.length + 1;
        }
    }

    private Batches() {}

    /** Batches (lists of pair indices) for one epoch; the same seed gives the same batches. */
    public static List<int[]> plan(List<EncodedPair> pairs, int batchSize, long seed) {
        List<Integer> order = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            order.add(i);
        }
        Random random = new Random(seed);
        Collections.shuffle(order, random);
        order.sort(Comparator.<Integer>comparingInt(i -> pairs.get(i).source().length)
                .thenComparingInt(i -> pairs.get(i).target().length));
        List<int[]> batches = new ArrayList<>();
        int start = 0;
        while (start < order.size()) {
            EncodedPair first = pairs.get(order.get(start));
            int end = start;
            while (end < order.size() && end - start < batchSize
                    && pairs.get(order.get(end)).source().length == first.source().length
                    && pairs.get(order.get(end)).target().length == first.target().length) {
                end++;
            }
            batches.add(order.subList(start, end).stream().mapToInt(Integer::intValue).toArray());
            start = end;
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    /** The DL4J inputs, masks and labels of one batch. */
    public static MultiDataSet toDataSet(List<EncodedPair> pairs, int[] batch, int bos, int eos) {
        int b = batch.length;
        int srcLen = 0;
        int tgtLen = 0;
        for (int i : batch) {
            srcLen = Math.max(srcLen, pairs.get(i).source().length);
            tgtLen = Math.max(tgtLen, pairs.get(i).targetTokens());
        }
        float[] src = new float[b * srcLen];
        float[] srcMask = new float[b * srcLen];
        float[] tgtIn = new float[b * tgtLen];
        float[] labels = new float[b * tgtLen];
        float[] tgtMask = new float[b * tgtLen];
        for (int r = 0; r < b; r++) {
            EncodedPair p = pairs.get(batch[r]);
            for (int t = 0; t < p.source().length; t++) {
                src[r * srcLen + t] = p.source()[t];
                srcMask[r * srcLen + t] = 1;
            }
            for (int t = 0; t < p.targetTokens(); t++) {
                tgtIn[r * tgtLen + t] = t == 0 ? bos : p.target()[t - 1];
                labels[r * tgtLen + t] = t < p.target().length ? p.target()[t] : eos;
                tgtMask[r * tgtLen + t] = 1;
            }
        }
        INDArray[] features = {
                Nd4j.create(src, new long[] {b, 1, srcLen}, 'c'),
                Nd4j.create(tgtIn, new long[] {b, 1, tgtLen}, 'c')};
        INDArray[] featureMasks = {
                Nd4j.create(srcMask, new long[] {b, srcLen}, 'c'),
                Nd4j.create(tgtMask, new long[] {b, tgtLen}, 'c')};
        INDArray[] labelArrays = {Nd4j.create(labels, new long[] {b, 1, tgtLen}, 'c')};
        INDArray[] labelMasks = {Nd4j.create(tgtMask, new long[] {b, tgtLen}, 'c')};
        return new MultiDataSet(features, labelArrays, featureMasks, labelMasks);
    }
}

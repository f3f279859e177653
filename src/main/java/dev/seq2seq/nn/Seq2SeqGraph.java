package dev.seq2seq.nn;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.graph.AttentionVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.DuplicateToTimeSeriesVertex;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;

/**
 * The training-time graph of the model, in DL4J. Inputs are token ids shaped [batch, 1, time]:
 * the source (ending in EOS) and the decoder input (BOS followed by the target); labels are the
 * target followed by EOS, as sparse ids [batch, 1, time].
 *
 * <pre>
 * source -> srcEmbed -> encoder (bidirectional) ----------------------+---------+
 *                          \-> encMean (masked average) -> encMeanSeq |         | keys, values
 * target -> tgtEmbed --------------------------------------> decIn -> decoder -> attention
 *                                                     [decoder ; attention] -> hidden (tanh) -> output (softmax)
 * </pre>
 * The vertex names below are how the decoder ({@code dev.seq2seq.decoder.EncoderDecoder}) finds the trained parameters. Input types
 * are not declared: DL4J's type inference wrongly treats the collapsed average pooling as a time
 * series, so every size is given explicitly instead.
 */
public final class Seq2SeqGraph {
    public static final String SOURCE = "source";
    public static final String TARGET = "target";
    public static final String SRC_EMBED = "srcEmbed";
    public static final String ENCODER = "encoder";
    public static final String ENC_MEAN = "encMean";
    public static final String ENC_MEAN_SEQ = "encMeanSeq";
    public static final String TGT_EMBED = "tgtEmbed";
    public static final String DEC_IN = "decIn";
    public static final String DECODER = "decoder";
    public static final String ATTENTION = "attention";
    public static final String COMBINE = "combine";
    public static final String HIDDEN = "hidden";
    public static final String OUTPUT = "output";

    /**
     * Embeddings start as N(0, 1), as in most seq2seq toolkits. DL4J's default (Xavier with the
     * vocabulary as fan-in) makes them ~0.016 for 8,000 pieces, and training then stalls at the
     * unigram distribution.
     */
    private static final NormalDistribution EMBEDDING_INIT = new NormalDistribution(0, 1);

    private Seq2SeqGraph() {}

    public static ComputationGraphConfiguration configuration(Architecture a, double learningRate, long seed) {
        int encOut = a.encoderStateSize();
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                // no gradient clipping: DL4J's ClipL2PerLayer at 5 held the per-token loss near 6 for a
                // whole Tatoeba epoch; without it the loss averaged about 4.3 from update ~600 on
                .graphBuilder()
                .addInputs(SOURCE, TARGET)
                .addLayer(SRC_EMBED, new EmbeddingSequenceLayer.Builder()
                        .nIn(a.sourceVocabularySize()).nOut(a.embeddingSize()).hasBias(false)
                        .weightInit(EMBEDDING_INIT).build(), SOURCE)
                .addLayer(ENCODER, new Bidirectional(Bidirectional.Mode.CONCAT,
                        recurrent(a, a.embeddingSize(), a.hiddenSize())), SRC_EMBED)
                .addLayer(ENC_MEAN, new GlobalPoolingLayer.Builder(PoolingType.AVG)
                        .collapseDimensions(true).build(), ENCODER)
                .addVertex(ENC_MEAN_SEQ, new DuplicateToTimeSeriesVertex(TARGET), ENC_MEAN)
                .addLayer(TGT_EMBED, new EmbeddingSequenceLayer.Builder()
                        .nIn(a.targetVocabularySize()).nOut(a.embeddingSize()).hasBias(false)
                        .weightInit(EMBEDDING_INIT).build(), TARGET)
                .addVertex(DEC_IN, new MergeVertex(), TGT_EMBED, ENC_MEAN_SEQ)
                .addLayer(DECODER, recurrent(a, a.embeddingSize() + encOut, a.decoderSize()), DEC_IN)
                .addVertex(ATTENTION, new CorrectedAttentionVertex(new AttentionVertex.Builder()
                        .nInQueries(a.decoderSize()).nInKeys(encOut).nInValues(encOut)
                        .headSize(a.attentionSize()).nOut(a.attentionSize()).nHeads(1)
                        .projectInput(true).weightInit(WeightInit.XAVIER).build()), DECODER, ENCODER, ENCODER)
                .addVertex(COMBINE, new MergeVertex(), DECODER, ATTENTION)
                .addLayer(HIDDEN, new DenseLayer.Builder().nIn(a.decoderSize() + a.attentionSize())
                        .nOut(a.decoderSize()).activation(Activation.TANH).dropOut(dropout(a)).build(), COMBINE)
                .inputPreProcessor(HIDDEN, new RnnToFeedForwardPreProcessor(RNNFormat.NCW))
                .inputPreProcessor(OUTPUT, new FeedForwardToRnnPreProcessor(RNNFormat.NCW))
                .addLayer(OUTPUT, new RnnOutputLayer.Builder(new LossSparseMCXENT())
                        .nIn(a.decoderSize()).nOut(a.targetVocabularySize())
                        .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).dropOut(dropout(a)).build(), HIDDEN)
                .setOutputs(OUTPUT)
                .build();
    }

    private static Layer recurrent(Architecture a, int nIn, int nOut) {
        if (a.cell().equals(Architecture.LSTM)) {
            return new LSTM.Builder().nIn(nIn).nOut(nOut).activation(Activation.TANH).dropOut(dropout(a)).build();
        }
        return new SimpleRnn.Builder().nIn(nIn).nOut(nOut).activation(Activation.TANH).dropOut(dropout(a)).build();
    }

    /** Inverted dropout on the layer's input; DL4J takes the retain probability, and null means none. */
    private static IDropout dropout(Architecture a) {
        return a.dropout() > 0 ? new Dropout(1.0 - a.dropout()) : null;
    }
}

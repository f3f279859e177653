package dev.seq2seq.nn;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The lecture's first example: a character-level recurrent network reads one-hot vectors over a
 * small alphabet and predicts, through a softmax, the next character at every step ("h", "e",
 * "l", "l" -> "e", "l", "l", "o"). The cell is the vanilla RNN, h_t = tanh(W_hh h_{t-1} + W_xh x_t + b),
 * or the LSTM.
 */
public final class NextCharacterModel {
    private final String alphabet;
    private final MultiLayerNetwork network;

    public NextCharacterModel(String alphabet, String cell, int hiddenSize, long seed) {
        this.alphabet = alphabet;
        int n = alphabet.length();
        var recurrent = cell.equals(Architecture.LSTM)
                ? new LSTM.Builder().nIn(n).nOut(hiddenSize).activation(Activation.TANH).build()
                : new SimpleRnn.Builder().nIn(n).nOut(hiddenSize).activation(Activation.TANH).build();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(0.05))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(recurrent)
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(hiddenSize).nOut(n).activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build())
                .build();
        this.network = new MultiLayerNetwork(conf);
        network.init();
    }

    /** One-hot encoding of a string over the alphabet: [1, alphabet size, length]. */
    public INDArray oneHot(String text) {
        INDArray x = Nd4j.zeros(1, alphabet.length(), text.length());
        for (int t = 0; t < text.length(); t++) {
            int index = alphabet.indexOf(text.charAt(t));
            if (index < 0) {
                throw new IllegalArgumentException("'" + text.charAt(t) + "' is not in the alphabet '" + alphabet + "'");
            }
            x.putScalar(new int[] {0, index, t}, 1.0);
        }
        return x;
    }

    /** Trains the network to predict text[1..] from text[..n-1]; returns the final loss. */
    public double train(String text, int iterations) {
        INDArray input = oneHot(text.substring(0, text.length() - 1));
        INDArray labels = oneHot(text.substring(1));
        for (int i = 0; i < iterations; i++) {
            network.fit(input, labels);
        }
        return network.score();
    }

    /** The most likely next character after each prefix of the input. */
    public String predictNext(String text) {
        INDArray probabilities = network.output(oneHot(text));   // softmax, [1, alphabet, length]
        StringBuilder out = new StringBuilder();
        for (int t = 0; t < text.length(); t++) {
            out.append(alphabet.charAt(probabilities.get(
                    org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(t)).argMax().getInt(0)));
        }
        return out.toString();
    }

    /** The softmax distribution over the alphabet at each step. */
    public List<double[]> distributions(String text) {
        INDArray probabilities = network.output(oneHot(text));
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t < text.length(); t++) {
            double[] p = new double[alphabet.length()];
            for (int i = 0; i < p.length; i++) {
                p[i] = probabilities.getDouble(0, i, t);
            }
            out.add(p);
        }
        return out;
    }
}

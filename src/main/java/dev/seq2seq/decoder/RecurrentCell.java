package dev.seq2seq.decoder;

import dev.seq2seq.nn.Architecture;
import dev.seq2seq.search.LogSpace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One recurrent layer's trained weights and its step, written out so that decoding keeps its state
 * in plain arrays owned by the caller (DL4J's own {@code rnnTimeStep} keeps state inside the layer).
 * Parameter layout is DL4J's: W [nIn, G*H], RW [H, G*H], b [G*H]. For the LSTM (G = 4) the gate
 * columns are [block input (tanh) | forget | output | input gate]; there are no peepholes.
 */
public final class RecurrentCell {
    private final boolean lstm;
    private final int hidden;
    private final INDArray inputWeights;
    private final INDArray recurrentWeights;
    private final float[] bias;

    public RecurrentCell(String cell, INDArray inputWeights, INDArray recurrentWeights, INDArray bias) {
        this.lstm = cell.equals(Architecture.LSTM);
        this.hidden = (int) recurrentWeights.size(0);
        int gates = lstm ? 4 : 1;
        if (recurrentWeights.size(1) != (long) gates * hidden || inputWeights.size(1) != (long) gates * hidden
                || bias.length() != (long) gates * hidden) {
            throw new IllegalArgumentException("recurrent weights do not match a " + cell + " of " + hidden + " units");
        }
        this.inputWeights = inputWeights;
        this.recurrentWeights = recurrentWeights;
        this.bias = bias.toFloatVector();
    }

    public int hiddenSize() { return hidden; }
    public int width() { return bias.length; }
    public boolean isLstm() { return lstm; }
    public INDArray inputWeights() { return inputWeights; }
    public INDArray recurrentWeights() { return recurrentWeights; }
    public float[] bias() { return bias; }

    /**
     * Applies the cell to pre-activations {@code pre} = x W + h RW + b, [rows, G*H] row-major,
     * updating h and c ([rows, H]) in place. For the vanilla cell c is unused.
     */
    public void activate(float[] pre, int rows, float[] h, float[] c) {
        int H = hidden;
        if (!lstm) {
            for (int i = 0; i < rows * H; i++) {
                h[i] = tanh(pre[i]);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int g = r * 4 * H;
            int s = r * H;
            for (int j = 0; j < H; j++) {
                float blockInput = tanh(pre[g + j]);
                float forget = sigmoid(pre[g + H + j]);
                float output = sigmoid(pre[g + 2 * H + j]);
                float input = sigmoid(pre[g + 3 * H + j]);
                float cell = forget * c[s + j] + input * blockInput;
                c[s + j] = cell;
                h[s + j] = output * tanh(cell);
            }
        }
    }

    /**
     * The mean activation, over the units of one row, of the LSTM's forget, input and output gates
     * given that row's pre-activations ([rows, 4H] row-major, as {@link #activate} takes them).
     */
    public double[] meanGates(float[] pre, int row) {
        if (!lstm) {
            throw new IllegalStateException("a vanilla RNN cell has no gates");
        }
        int H = hidden;
        int g = row * 4 * H;
        double forget = 0;
        double input = 0;
        double output = 0;
        for (int j = 0; j < H; j++) {
            forget += sigmoid(pre[g + H + j]);
            output += sigmoid(pre[g + 2 * H + j]);
            input += sigmoid(pre[g + 3 * H + j]);
        }
        return new double[] {forget / H, input / H, output / H};
    }

    /** The LSTM gates of one unit, for inspection and teaching: f, i, o, block input, new c and h. */
    public record LstmGates(double forget, double input, double output, double blockInput, double cell, double hidden) {}

    /** The gate values of one LSTM unit given its four pre-activations and previous cell value. */
    public static LstmGates lstmUnit(double preBlock, double preForget, double preOutput, double preInput, double cPrev) {
        double a = Math.tanh(preBlock);
        double f = 1 / (1 + Math.exp(-preForget));
        double o = 1 / (1 + Math.exp(-preOutput));
        double i = 1 / (1 + Math.exp(-preInput));
        double c = f * cPrev + i * a;
        return new LstmGates(f, i, o, a, c, o * Math.tanh(c));
    }

    /**
     * tanh from one e^(-2|x|) through {@link LogSpace#expNonPositive} (within 2e-6; NaN stays NaN); Math.tanh
     * (StrictMath) was about a tenth of a decoder step's samples, and Math.exp is 3-4x slower.
     */
    static float tanh(float x) {
        if (Math.abs(x) < 0.005f) {
            return x * (1f - x * x / 3f);   // (1 - e) / (1 + e) cancels near 0; the series is exact to 1e-7 here
        }
        float e = LogSpace.expNonPositive(-2f * Math.abs(x));
        float t = (1f - e) / (1f + e);
        return x < 0 ? -t : t;
    }

    /** The logistic function from one e^(-|x|), as {@link #tanh}. */
    static float sigmoid(float x) {
        float e = LogSpace.expNonPositive(-Math.abs(x));
        return x < 0 ? e / (1f + e) : 1f / (1f + e);
    }
}

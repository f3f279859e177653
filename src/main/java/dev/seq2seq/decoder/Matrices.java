package dev.seq2seq.decoder;

import dev.seq2seq.search.LogSpace;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/** The few bridges between plain row-major float arrays and ND4J matrix products. */
final class Matrices {
    private Matrices() {}

    /** A new [rows, cols] matrix holding data[0, rows*cols) (one bulk copy, not element by element). */
    static INDArray matrix(float[] data, int rows, int cols) {
        INDArray m = Nd4j.createUninitialized(DataType.FLOAT, rows, cols);
        ((FloatPointer) m.data().addressPointer()).put(data, 0, rows * cols);
        return m;
    }

    /** a [rows, k] (row-major) times w [k, n]: returns [rows, n] row-major. */
    static float[] times(float[] a, int rows, INDArray w) {
        int k = (int) w.size(0);
        if (a.length < rows * k) {
            throw new IllegalArgumentException("left operand has " + a.length + " values, expected " + rows * k);
        }
        INDArray left = a.length == rows * k ? matrix(a, rows, k) : matrix(java.util.Arrays.copyOf(a, rows * k), rows, k);
        return rowMajor(product(left, w));
    }

    /**
     * The operand and result matrices of one thread's repeated products (a decoding's steps, an
     * encoder direction's time steps), reused while their shape stays: allocating them off the heap
     * for every product was about a third of a decoder step's samples (JFR, batch 32). One matrix
     * per width and role, replaced when the row count changes (a beam losing finished rows), so
     * what it holds stays as large as one step's products. Not thread-safe: one per decoding.
     */
    static final class Scratch {
        /** A matrix and its data's address, which ND4J makes anew (and slowly) on every {@code addressPointer()}. */
        private record Buffer(INDArray matrix, FloatPointer values) {}

        private final Map<Integer, Buffer> operands = new HashMap<>();
        private final Map<Integer, Buffer> results = new HashMap<>();

        /** a [rows, k] (row-major) times w [k, n]: returns [rows, n] row-major, as {@link Matrices#times}. */
        float[] times(float[] a, int rows, INDArray w) {
            int k = (int) w.size(0);
            int n = (int) w.size(1);
            if (a.length < rows * k) {
                throw new IllegalArgumentException("left operand has " + a.length + " values, expected " + rows * k);
            }
            Buffer left = reuse(operands, rows, k);
            left.values().put(a, 0, rows * k);
            Buffer out = reuse(results, rows, n);
            Nd4j.exec(new Mmul(left.matrix(), w, out.matrix(), null));   // matmul writes every value of out (beta 0)
            float[] values = new float[rows * n];
            out.values().get(values, 0, values.length);
            return values;
        }

        private static Buffer reuse(Map<Integer, Buffer> byWidth, int rows, int cols) {
            Buffer b = byWidth.get(cols);
            if (b == null || b.matrix().size(0) != rows) {
                INDArray m = Nd4j.createUninitialized(DataType.FLOAT, rows, cols);
                b = new Buffer(m, (FloatPointer) m.data().addressPointer());
                byWidth.put(cols, b);
            }
            return b;
        }
    }

    /**
     * left x right through libnd4j's {@code matmul} op. It is 2.5-4x faster here than
     * {@code INDArray.mmul}, which goes to BLAS gemm (measured 0.8 vs 2.0 ms for 1x256 by 256x8000,
     * 2.1 vs 9.0 ms at 32 rows).
     */
    static INDArray product(INDArray left, INDArray right) {
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, left.size(0), right.size(1));   // matmul writes every value (beta 0)
        Nd4j.exec(new Mmul(left, right, out, null));
        return out;
    }

    /** The values of a matrix in row-major order. */
    static float[] rowMajor(INDArray m) {
        INDArray c = m.ordering() == 'c' && !m.isView() && m.dataType() == DataType.FLOAT ? m : m.castTo(DataType.FLOAT).dup('c');
        float[] values = new float[(int) c.length()];
        ((FloatPointer) c.data().addressPointer()).get(values, 0, values.length);
        return values;
    }

    /** A c-ordered float copy, so that row-major indexing of {@code data()} is valid. */
    static INDArray dense(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c');
    }

    /**
     * Adds the bias and turns each row into log-probabilities in place. Plain Java: libnd4j's
     * log_softmax op took about as long as all the step's matrix products together. The
     * normaliser's exponentials go through {@link LogSpace#expNonPositive}, 3-4x faster than
     * {@code Math.exp}, which was most of this method's time at batch 32.
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
                sum += LogSpace.expNonPositive(logits[o + j] - max);
            }
            float logZ = (float) (max + Math.log(sum));
            for (int j = 0; j < v; j++) {
                logits[o + j] -= logZ;
            }
        }
    }
}

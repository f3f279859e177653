package dev.seq2seq.inference;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The few bridges between plain row-major float arrays and ND4J matrix products. */
final class Matrices {
    private Matrices() {}

    static INDArray matrix(float[] data, int rows, int cols) {
        return Nd4j.create(data, new long[] {rows, cols}, 'c');
    }

    /** a [rows, k] (row-major) times w [k, n]: returns [rows, n] row-major. */
    static float[] times(float[] a, int rows, INDArray w) {
        int k = (int) w.size(0);
        if (a.length < rows * k) {
            throw new IllegalArgumentException("left operand has " + a.length + " values, expected " + rows * k);
        }
        INDArray left = a.length == rows * k ? matrix(a, rows, k) : matrix(java.util.Arrays.copyOf(a, rows * k), rows, k);
        return rowMajor(left.mmul(w));
    }

    /** The values of a matrix in row-major order. */
    static float[] rowMajor(INDArray m) {
        INDArray c = m.ordering() == 'c' && !m.isView() ? m : m.dup('c');
        float[] values = c.data().asFloat();
        return values.length == c.length() ? values : java.util.Arrays.copyOf(values, (int) c.length());
    }

    /** A c-ordered float copy, so that row-major indexing of {@code data()} is valid. */
    static INDArray dense(INDArray a) {
        return a.castTo(DataType.FLOAT).dup('c');
    }
}

package dev.seq2seq.nn;

import java.util.Locale;

/**
 * Sizes of the encoder-decoder. The encoder is bidirectional (each direction {@code hiddenSize}
 * units), the decoder has {@code decoderSize} units and attends over the encoder states with a
 * single projected dot-product head of {@code attentionSize}.
 *
 * @param cell {@code lstm} (default) or {@code rnn}, the vanilla cell h_t = tanh(W_hh h_{t-1} + W_xh x_t + b)
 */
public record Architecture(String cell, int sourceVocabularySize, int targetVocabularySize, int embeddingSize,
                           int hiddenSize, int decoderSize, int attentionSize, double dropout) {

    public static final String LSTM = "lstm";
    public static final String RNN = "rnn";

    public Architecture {
        cell = cell == null ? LSTM : cell.toLowerCase(Locale.ROOT);
        if (!cell.equals(LSTM) && !cell.equals(RNN)) {
            throw new IllegalArgumentException("cell must be 'lstm' or 'rnn', not '" + cell + "'");
        }
        requirePositive("sourceVocabularySize", sourceVocabularySize);
        requirePositive("targetVocabularySize", targetVocabularySize);
        requirePositive("embeddingSize", embeddingSize);
        requirePositive("hiddenSize", hiddenSize);
        requirePositive("decoderSize", decoderSize);
        requirePositive("attentionSize", attentionSize);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), not " + dropout);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    /** Size of one encoder state (both directions concatenated). */
    public int encoderStateSize() {
        return 2 * hiddenSize;
    }

    /** Gates per recurrent unit: 4 for the LSTM, 1 for the vanilla RNN. */
    public int gates() {
        return cell.equals(LSTM) ? 4 : 1;
    }

    public long parameterCount() {
        long e = embeddingSize, h = hiddenSize, d = decoderSize, a = attentionSize, g = gates();
        long enc = 2 * (e * g * h + h * g * h + g * h);
        long dec = (e + 2 * h) * g * d + d * g * d + g * d;
        long att = a * d + 2 * a * 2 * h + a * a;
        long out = (d + a) * d + d + d * targetVocabularySize + targetVocabularySize;
        return (long) sourceVocabularySize * e + (long) targetVocabularySize * e + enc + dec + att + out;
    }
}

package dev.seq2seq.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lecture's "hello" example, with both cells. */
class HelloTest {
    @ParameterizedTest(name = "{0} learns hello")
    @ValueSource(strings = {"rnn", "lstm"})
    void learnsToPredictElloFromHell(String cell) {
        NextCharacterModel model = new NextCharacterModel("helo", cell, 8, 12345);
        assertThat(model.oneHot("hell").sumNumber().intValue()).isEqualTo(4);
        model.train("hello", 200);

        assertThat(model.predictNext("hell")).isEqualTo("ello");
        for (double[] p : model.distributions("hell")) {
            assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-5));   // softmax output
        }
        // the ambiguity of the example: after the first 'l' comes 'l', after the second 'o'
        assertThat(model.distributions("hell").get(2)[2]).isGreaterThan(0.5);   // P(l | hel)
        assertThat(model.distributions("hell").get(3)[3]).isGreaterThan(0.5);   // P(o | hell)
    }
}

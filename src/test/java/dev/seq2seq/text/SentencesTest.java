package dev.seq2seq.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {
    @Test
    void splitsAfterFinalPunctuationAndKeepsIt() {
        assertThat(Sentences.split("Hola. ¿Qué tal? ¡Muy bien!  Gracias")).containsExactly("Hola.", "¿Qué tal?", "¡Muy bien!", "Gracias");
        assertThat(Sentences.split("안녕하세요。잘 지내요？")).containsExactly("안녕하세요。", "잘 지내요？");
    }

    @Test
    void keepsNumbersAndAbbreviationsWithoutSpaceTogether() {
        assertThat(Sentences.split("It costs 3.50 euros.")).containsExactly("It costs 3.50 euros.");
        assertThat(Sentences.split("   ")).isEmpty();
    }
}

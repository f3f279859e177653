package dev.seq2seq.spans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {
    @Test
    void splitsAfterFinalPunctuationAndKeepsIt() {
        assertThat(Sentences.split("Hola. ¿Qué tal? ¡Muy bien!  Gracias", "es")).containsExactly("Hola.", "¿Qué tal?", "¡Muy bien!", "Gracias");
        assertThat(Sentences.split("안녕하세요。잘 지내요？", "ko")).containsExactly("안녕하세요。", "잘 지내요？");
    }

    @Test
    void keepsNumbersAndAbbreviationsWithoutSpaceTogether() {
        assertThat(Sentences.split("It costs 3.50 euros.")).containsExactly("It costs 3.50 euros.");
        assertThat(Sentences.split("   ")).isEmpty();
    }

    @Test
    void doesNotBreakAfterAbbreviationsAddressesOrDecimals() {
        assertThat(Sentences.split("The meeting with Dr. Smith is at 3:30 p.m. on Friday. Bring the report.", "en"))
                .containsExactly("The meeting with Dr. Smith is at 3:30 p.m. on Friday.", "Bring the report.");
        assertThat(Sentences.split("Write to juan@example.com. See www.example.com/a.b for more.", "en"))
                .containsExactly("Write to juan@example.com.", "See www.example.com/a.b for more.");
        assertThat(Sentences.split("La Sra. García pagó 12,50 euros. Gracias.", "es"))
                .containsExactly("La Sra. García pagó 12,50 euros.", "Gracias.");
        assertThat(Sentences.split("Bring z. B. Brot mit. Danke!", "de")).containsExactly("Bring z. B. Brot mit.", "Danke!");
        assertThat(Sentences.split("We met Mr. Brown e.g. at 10 a.m. today. Fine.", "en"))
                .containsExactly("We met Mr. Brown e.g. at 10 a.m. today.", "Fine.");
        assertThat(Sentences.split("Mi contraseña es Tr4v3l!2026, cámbiala. Entra en https://example.com/r?id=22 ya.", "es"))
                .containsExactly("Mi contraseña es Tr4v3l!2026, cámbiala.", "Entra en https://example.com/r?id=22 ya.");
    }

    @Test
    void textTypedInLowerCaseSplitsToo() {
        assertThat(Sentences.split("hola. gracias. la casa es grande", "es")).containsExactly("hola.", "gracias.", "la casa es grande");
        assertThat(Sentences.split("hola. ¿dónde está? ¡qué bien!", "es")).containsExactly("hola.", "¿dónde está?", "¡qué bien!");
        assertThat(Sentences.split("we meet at 3 p.m. on friday. ok?", "en")).containsExactly("we meet at 3 p.m. on friday.", "ok?");
    }
}

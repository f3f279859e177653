package dev.seq2seq.spans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberWordsTest {

    @Test
    void numbersAndTimesInWordsAreFoundAsWholeWordsInAnyCase() {
        assertThat(NumberWords.spellsANumber("No te puedes ir hasta las dos y media.", "es")).isTrue();
        assertThat(NumberWords.spellsANumber("Tom tiene TRECE años.", "es")).isTrue();
        assertThat(NumberWords.spellsANumber("It's a quarter past.", "en")).isTrue();
        assertThat(NumberWords.spellsANumber("Wir haben zwanzig Minuten.", "de")).isTrue();
        // "dosis" and "treintañero" hold number words only as parts
        assertThat(NumberWords.spellsANumber("Toma una dosis, treintañero.", "es")).isFalse();
        assertThat(NumberWords.spellsANumber("Llego el viernes.", "es")).isFalse();
        assertThat(NumberWords.spellsANumber("dos", "ko")).isFalse();   // no list for the language
    }

    @Test
    void valuesAreThoseOfTheWords() {
        assertThat(NumberWords.of("es")).containsEntry("dos", 2).containsEntry("veinte", 20).containsEntry("mil", 1000);
        assertThat(NumberWords.of("de")).containsEntry("dreißig", 30);
        assertThat(NumberWords.of("ko")).isEmpty();
    }
}

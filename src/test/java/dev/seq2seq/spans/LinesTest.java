package dev.seq2seq.spans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinesTest {
    @Test
    void keepsBlankLinesMarkersAndIndentationApartFromTheWords() {
        List<Lines.Line> lines = Lines.split("Hola.\n\n- pan\n  2. leche\r\nAdiós.");
        assertThat(lines).containsExactly(new Lines.Line("", "Hola."), new Lines.Line("", ""), new Lines.Line("- ", "pan"),
                new Lines.Line("  2. ", "leche"), new Lines.Line("", "Adiós."));
    }

    @Test
    void capitalsAreTellingOnlyWithoutLowerCaseLetters() {
        assertThat(Lines.shouted("TOM ABRIÓ LA CAJA Y MIRÓ ADENTRO.")).isTrue();
        assertThat(Lines.shouted("Tom abrió la caja.")).isFalse();
        assertThat(Lines.shouted("OK 42")).isFalse();   // too few letters to tell
        assertThat(Lines.shouted("고양이가 생선을 먹어요")).isFalse();   // Korean has no capitals
        assertThat(Lines.shouted("SAMSUNG 폰을 새로 샀어요")).isFalse();   // a brand in capitals, the rest Korean
        assertThat(Lines.shouted("SALE 오늘만")).isFalse();
        assertThat(Lines.shouted("ABRIÓ LA CAJA EN SEÚL (서울)")).isTrue();   // a Korean word in a shouted line
        assertThat(Lines.upper("straße", "de")).isEqualTo("STRASSE");
    }

    @Test
    void capitalisesTheFirstLetterAfterOpeningMarks() {
        assertThat(Lines.capitalizeFirst("¿dónde está?", "es")).isEqualTo("¿Dónde está?");
        assertThat(Lines.capitalizeFirst("3 gatos", "es")).isEqualTo("3 Gatos");
        assertThat(Lines.capitalizeFirst("...", "es")).isEqualTo("...");
    }
}

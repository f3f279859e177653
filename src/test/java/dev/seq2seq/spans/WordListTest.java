package dev.seq2seq.spans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordListTest {
    @Test
    void holdsTheWordsWrittenInLowerCaseNotTheNamesOnlySeenCapitalised() {
        WordList words = WordList.of(List.of("Compré pan con Aiko.", "Tom compró leche; yo compré pan.", "Aiko llega el sábado."), 1);
        assertThat(words.contains("Compré")).isTrue();    // seen as "compré" once
        assertThat(words.contains("sábado")).isTrue();
        assertThat(words.contains("Aiko")).isFalse();      // only ever capitalised: a name
        assertThat(words.contains("Tom")).isFalse();
        assertThat(WordList.of(List.of("pan pan vino"), 2).contains("vino")).isFalse();
        assertThat(WordList.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void survivesAWriteAndARead(@TempDir Path dir) throws Exception {
        WordList words = WordList.of(List.of("el tren sale", "l'hôtel está cerca"), 1);
        words.write(dir.resolve("source.words"));
        WordList read = WordList.read(dir.resolve("source.words"));
        assertThat(read.size()).isEqualTo(words.size()).isEqualTo(6);
        assertThat(read.contains("l'hôtel")).isTrue();
    }

    @Test
    void putsBackTheAccentsAndApostrophesATypistDroppedWhereOnlyOneWordFits() {
        WordList es = WordList.of(List.of("él se mejorará pronto y esta casa está aquí; el público lo publicó"), 1);
        assertThat(es.restoreMarks("el se mejorara pronto aqui")).isEqualTo("el se mejorará pronto aquí");
        assertThat(es.restoreMarks("esta casa")).isEqualTo("esta casa");           // a word of its own: kept
        assertThat(es.restoreMarks("publico")).isEqualTo("publico");               // público or publicó: left alone
        assertThat(es.restoreMarks("Aqui vive Mejorara")).isEqualTo("Aqui vive Mejorara");   // capitalised: a name, or typed with care
        WordList en = WordList.of(List.of("i don't know why it isn't here; don't"), 1);
        assertThat(en.restoreMarks("i dont know why it isnt 7:45 here")).isEqualTo("i don't know why it isn't 7:45 here");
        assertThat(WordList.EMPTY.restoreMarks("aqui")).isEqualTo("aqui");
        // a word inside an address, a path or a code is not a word typed on its own
        WordList lucia = WordList.of(List.of("lucía vive aquí"), 1);
        assertThat(lucia.restoreMarks("escribe a lucia.gomez@correo.es o mira docs/aqui, ¿aqui? (lucia)"))
                .isEqualTo("escribe a lucia.gomez@correo.es o mira docs/aqui, ¿aquí? (lucía)");
    }
}

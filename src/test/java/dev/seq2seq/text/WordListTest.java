package dev.seq2seq.text;

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
}

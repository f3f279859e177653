package dev.seq2seq.ngrams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrigramIndexTest {
    private final TrigramIndex index = new TrigramIndex(List.of(
            "the cat sat on the mat", "a dog in the fog", "the cat sat on the mat", "completely different words", "고양이가 매트에 앉았다"));

    @Test
    void findsTheMostSimilarTextsFirstAndEarlierOnTies() {
        assertThat(index.nearest("The cat sat on a mat!", 3)).containsExactly(0, 2, 1);
        assertThat(index.nearest("the cat sat on the mat", 1)).containsExactly(0);
    }

    @Test
    void returnsAtMostKAndOnlyTextsSharingATrigram() {
        assertThat(index.nearest("dog fog", 10)).doesNotContain(3).contains(1);
        assertThat(index.nearest("xyzzy qqq", 5)).isEmpty();
        assertThat(index.nearest("the cat", 0)).isEmpty();
        assertThat(index.size()).isEqualTo(5);
    }

    @Test
    void matchesKoreanByItsSyllables() {
        assertThat(index.nearest("고양이가 앉았어요", 1)).containsExactly(4);
    }
}

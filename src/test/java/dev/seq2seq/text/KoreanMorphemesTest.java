package dev.seq2seq.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KoreanMorphemesTest {
    @Test
    void cutsWordsIntoMorphemesKeepingEveryCharacter() {
        for (String text : new String[] {"배고픈데 뭐 먹을까?", "오늘 회의가 3시로 바뀌었어", "안녕하세요ㅋㅋ", "고마워!! 진짜"}) {
            String segmented = KoreanMorphemes.segment(text);
            assertThat(segmented.replace(" ", "")).isEqualTo(text.replace(" ", ""));
            assertThat(segmented.split(" ").length).isGreaterThan(text.split(" ").length);
        }
        assertThat(KoreanMorphemes.segment("뭐 먹을까?")).isEqualTo("뭐 먹 을까 ?");
    }
}

package dev.seq2seq.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.spans.Placeholders;
import dev.seq2seq.spans.ProtectedSpans;
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
        // the placeholders of protected spans come through, as pieces of their own
        String masked = ProtectedSpans.mask("사과 3개를 15,000원에 샀어요.").text();
        String segmented = KoreanMorphemes.segment(masked);
        assertThat(segmented.replace(" ", "")).isEqualTo(masked.replace(" ", ""));
        assertThat(segmented.split(" ")).contains(Placeholders.of(0), Placeholders.of(1));
    }
}

package dev.seq2seq.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyMemoryTest {
    private final ReplyMemory memory = new ReplyMemory(
            List.of("안뇽", "ㅋㅋㅋㅋ", "ㅎㅎㅎ 웃겨", "ㅎㅇ", "시험 망했어"),
            List.of("안녕하세요!", "웃어 주시니 좋아요!", "웃어 주시니 좋아요!", "안녕하세요, 반가워요!", "많이 속상하시겠어요."));

    @Test
    void aLaughOrTearsTypedAfterAMessageDoNotDecideItsNeighbours() {
        assertThat(memory.candidates("안뇽ㅎㅎ", 1)).containsExactly("안녕하세요!");
        assertThat(memory.candidates("시험 망했어ㅠㅠ", 1)).containsExactly("많이 속상하시겠어요.");
        assertThat(memory.similarities("안뇽ㅋㅋㅋ", 1).get("안녕하세요!")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aMessageThatIsOnlyALaughIsStillALaugh() {
        assertThat(memory.candidates("ㅋㅋㅋㅋ", 1)).containsExactly("웃어 주시니 좋아요!");
        assertThat(ReplyMemory.withoutChatTails("ㅋㅋㅋ!!")).isEqualTo("ㅋㅋㅋ!!");
        assertThat(ReplyMemory.withoutChatTails("ㅎㅇ")).isEqualTo("ㅎㅇ");   // shorthand for hi, not a laugh
        assertThat(ReplyMemory.withoutChatTails("ㅋㅋ 오늘 좋았어^^")).isEqualTo("오늘 좋았어");
    }
}

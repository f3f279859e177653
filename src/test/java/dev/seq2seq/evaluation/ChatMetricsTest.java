package dev.seq2seq.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatMetricsTest {
    @Test
    void distinct2CountsUniqueBigrams() {
        assertThat(ChatMetrics.distinct2(List.of("a b c", "a b d"))).isCloseTo(3.0 / 4, offset(1e-12));
        assertThat(ChatMetrics.distinct2(List.of("one"))).isZero();
    }

    @Test
    void topReplyShareFindsTheMostRepeatedReply() {
        assertThat(ChatMetrics.topReplyShare(List.of("hi", "hi", "hello", "hi"))).isEqualTo(0.75);
    }

    @Test
    void retrievalAnswersWithTheMostSimilarQuestion() {
        List<String> questions = List.of("what is your name", "how old are you", "do you like music");
        List<String> answers = List.of("I am Bot.", "I am young.", "I love music.");
        assertThat(new MemoryBaseline(questions, answers).answer(List.of("What's your name?", "Do you like jazz music?", "how old r u"))).containsExactly("I am Bot.", "I love music.", "I am young.");
    }
}

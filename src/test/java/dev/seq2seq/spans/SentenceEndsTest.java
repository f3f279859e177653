package dev.seq2seq.spans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentenceEndsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "do you like oranges | do you like oranges?",
            "Do you like oranges | Do you like oranges?",
            "what happened | what happened?",
            "whats that letter about | whats that letter about?",
            "what's going on | what's going on?",
            "hows your married life | hows your married life?",
            "how old are you | how old are you?",
            "where is the station | where is the station?",
            "why not | why not?",
            "isnt it cold | isnt it cold?",
            "can tom swim | can tom swim?",
            "who wants coffee | who wants coffee?",
            "tom opened the box and looked inside | tom opened the box and looked inside.",
            "what a fiasco | what a fiasco.",
            "when i looked at her she smiled at me | when i looked at her she smiled at me.",
            "do as i say | do as i say.",
            "dont worry about it | dont worry about it.",
            "were adults | were adults.",
            "i have 3 apples | i have 3 apples.",
            "it costs 12 | it costs 12.",
            "hello. do you like it | hello. do you like it?",
            "have a nice day | have a nice day.",
            "do it now | do it now.",
            "had a great time | had a great time.",
            "have you eaten | have you eaten?",
            "does it hurt | does it hurt?",
            "when i was young i lived in paris | when i was young i lived in paris.",
            "where i am now is fine | where i am now is fine.",
            "how much is it | how much is it?",
            "when does the train leave | when does the train leave?",
            "don’t you like it | don’t you like it?",
            "isn’t it cold | isn’t it cold?",
    })
    void englishTypedWithoutPunctuationGetsItsMark(String typed, String completed) {
        assertThat(SentenceEnds.complete(typed, "en")).isEqualTo(completed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Do you like oranges?",
            "Tom opened the box.",
            "Stop!",
            "I love this place 😀",
            "He said \"yes\"",
            "(see the notes)",
            "Save",
            "thanks",
            "Wait...",
            "Mail me at juan@example.com.",
    })
    void textThatAlreadyEndsOrIsOneWordStaysAsTyped(String typed) {
        assertThat(SentenceEnds.complete(typed, "en")).isEqualTo(typed);
    }

    @Test
    void otherLanguagesStayAsTyped() {
        assertThat(SentenceEnds.complete("como estas", "es")).isEqualTo("como estas");
        assertThat(SentenceEnds.complete("wie geht es dir", "de")).isEqualTo("wie geht es dir");
        assertThat(SentenceEnds.complete("", "en")).isEmpty();
    }
}

package dev.seq2seq.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BpeTokenizerTest {
    static final List<String> CORPUS = List.of(
            "¿Dónde está la estación de tren?", "El niño comió una manzana.", "Mañana vamos a la playa.",
            "안녕하세요, 만나서 반갑습니다.", "오늘 날씨가 정말 좋네요!", "사랑은 희미해져 가네요.",
            "I love you 😀 so much!", "Where is the train station?", "The station is near the river.",
            "Él está cansado pero feliz.", "¡Qué día tan bonito!", "station stations stationed");
    static BpeTokenizer tokenizer;

    @BeforeAll
    static void train() {
        tokenizer = new BpeTrainer(400, 1.0).train(CORPUS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "안녕하세요, 만나서 반갑습니다.", "그는 학교에 갔어요.",           // Korean, the second with unseen syllables
            "¿Dónde está la estación de tren?", "Ñandú, pingüino, acción: ¡sí!", // accented Spanish
            "I love you 😀 so much! 👩‍👩‍👧 🇰🇷",                                // emoji, ZWJ sequence, flag
            "Prices: 3.50 € / 4,20 $", "tab-free ordinary text."})
    void ordinaryTextRoundTrips(String text) {
        int[] ids = tokenizer.encode(text);
        assertThat(tokenizer.decode(ids)).isEqualTo(text);
    }

    @Test
    void learnedMergesShortenFrequentWords() {
        assertThat(tokenizer.pieces("station")).hasSizeLessThan("station".length());
        assertThat(tokenizer.pieces("station").get(0)).startsWith(String.valueOf(BpeTokenizer.SPACE_MARK));
    }

    @Test
    void unknownCharactersFallBackToBytesNotUnk() {
        int[] ids = tokenizer.encode("Ω");
        assertThat(tokenizer.pieces("Ω")).contains("<0xCE>", "<0xA9>");
        assertThat(ids).doesNotContain(tokenizer.vocabulary().unk());
        assertThat(tokenizer.decode(ids)).isEqualTo("Ω");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u0000\u0001\u0007", "a\u0000b", "\uD800", "x\uDC00y", "\uFFFF\uFFFE",
            "\u202E\u200B", "\t\n\r", "<0x41>", "<s></s><pad><unk>", "▁▁▁"})
    void malformedOrStrangeInputNeverThrows(String text) {
        assertThatCode(() -> tokenizer.decode(tokenizer.encode(text))).doesNotThrowAnyException();
    }

    @Test
    void specialTokenTextIsNotASpecialToken() {
        int[] ids = tokenizer.encode("<s>");
        for (int id : ids) {
            assertThat(tokenizer.vocabulary().isSpecial(id)).isFalse();
        }
        assertThat(tokenizer.decode(ids)).isEqualTo("<s>");
    }

    @Test
    void controlCharactersAndWhitespaceRunsNormalizeToOneSpace() {
        assertThat(tokenizer.decode(tokenizer.encode("  a\u0000\u0001b \t\n c  "))).isEqualTo("a b c");
    }

    @Test
    void tenThousandCharacterWordIsEncodedQuickly() {
        String word = "estación".repeat(1250);
        long start = System.nanoTime();
        int[] ids = tokenizer.encode(word);
        assertThat(tokenizer.decode(ids)).isEqualTo(word);
        assertThat(ids.length).isLessThan(word.length());
        assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(5);   // guards against quadratic merging, generous
    }

    @Test
    void decodingSkipsSpecialsAndInvalidIdsAndRepairsBrokenBytes() {
        Vocabulary v = tokenizer.vocabulary();
        int[] ids = {v.bos(), v.id("<0xE2>"), v.eos(), -5, 1_000_000};
        assertThat(tokenizer.decode(ids)).isEqualTo("\uFFFD");
    }

    @Test
    void saveAndLoadGiveTheSameTokenizer(@TempDir Path dir) throws Exception {
        tokenizer.save(dir, "source");
        BpeTokenizer loaded = BpeTokenizer.load(dir, "source");
        assertThat(loaded.vocabulary().pieces()).isEqualTo(tokenizer.vocabulary().pieces());
        for (String text : CORPUS) {
            assertThat(loaded.encode(text)).isEqualTo(tokenizer.encode(text));
        }
    }

    @Test
    void specialTokensAreNamedEntriesOfTheVocabulary() {
        Vocabulary v = tokenizer.vocabulary();
        assertThat(v.piece(v.pad())).isEqualTo(Vocabulary.PAD);
        assertThat(v.piece(v.unk())).isEqualTo(Vocabulary.UNK);
        assertThat(v.piece(v.bos())).isEqualTo(Vocabulary.BOS);
        assertThat(v.piece(v.eos())).isEqualTo(Vocabulary.EOS);
        assertThat(v.size()).isLessThanOrEqualTo(400);
    }
}

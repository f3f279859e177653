package dev.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.seq2seq.ngrams.CharacterNgrams;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusTest {

    @Test
    void theCandidateClosestToTheOthersComesFirst() {
        // the three cat sentences share most of their character n-grams, the outliers none; chrF weights
        // recall twice, so the cat sentence that contains the other two scores best against them
        List<String> candidates = List.of("xyz qq", "the cat sat", "the cat sat down", "a cat sat", "zzz");
        List<String> ranked = Consensus.rank(candidates, s -> s);
        assertThat(ranked).containsExactlyInAnyOrderElementsOf(candidates);
        assertThat(ranked.get(0)).isEqualTo("the cat sat down");
        assertThat(ranked.subList(3, 5)).containsExactlyInAnyOrder("xyz qq", "zzz");
    }

    @Test
    void aRepeatedReplyWinsOverUniqueOnes() {
        List<String> candidates = List.of("good idea", "see you", "see you", "nice day", "see you");
        assertThat(Consensus.rank(candidates, s -> s).get(0)).isEqualTo("see you");
    }

    @Test
    void tiesKeepTheEarlierCandidateAndOneCandidateIsReturnedAsIs() {
        assertThat(Consensus.rank(List.of("ab", "cd"), s -> s)).containsExactly("ab", "cd");
        assertThat(Consensus.rank(List.of("only"), s -> s)).containsExactly("only");
    }

    @Test
    void sentenceChrFMatchesTheFormula() {
        var a = CharacterNgrams.count("ab");
        assertThat(CharacterNgrams.chrF(a, a)).isCloseTo(100.0, within(1e-9));
        // hyp "ab" vs ref "abc": 1-grams P 1, R 2/3; 2-grams P 1, R 1/2; orders 3-6 have no hypothesis n-grams
        // P = 1, R = (2/3 + 1/2) / 2 = 7/12, chrF2 = 5 P R / (4 P + R)
        double p = 1.0;
        double r = 7.0 / 12;
        assertThat(CharacterNgrams.chrF(a, CharacterNgrams.count("abc"))).isCloseTo(100 * 5 * p * r / (4 * p + r), within(1e-9));
        assertThat(CharacterNgrams.chrF(a, CharacterNgrams.count("xy"))).isZero();
    }
}

package dev.seq2seq.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every expected number below is copied from sacreBLEU's own repository (github.com/mjpost/sacrebleu):
 * test/test_bleu.py, test/test_sentence_bleu.py and the README section "Using SacreBLEU from Python"
 * (sacreBLEU 2.x, default {@code BLEU()}: nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp).
 */
class BleuTest {

    // README / test_bleu.py: two reference streams (sacreBLEU's layout, one list per reference set)
    private static final List<String> HYPS = List.of(
            "The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
    private static final List<String> REFS_A = List.of(
            "The dog bit the man.", "It was not unexpected.", "The man bit him first.");
    private static final List<String> REFS_B = List.of(
            "The dog had bit the man.", "No one was surprised.", "The man had bitten the dog.");

    @Test
    void multiSegmentCorpusWithBrevityPenalty() {
        // test_bleu.py test_corpus_bleu_cases: 48.530827 (EPSILON = 1e-8); README prints
        // "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)"
        Bleu.Score s = Bleu.corpusMultiRef(HYPS, List.of(REFS_A, REFS_B));
        assertThat(s.score()).isCloseTo(48.530827, within(1e-6)); // 48.530827009929865 unrounded
        assertThat(s.precisions()[0]).isCloseTo(82.4, within(0.05));
        assertThat(s.precisions()[1]).isCloseTo(50.0, within(0.05));
        assertThat(s.precisions()[2]).isCloseTo(45.5, within(0.05));
        assertThat(s.precisions()[3]).isCloseTo(37.5, within(0.05));
        assertThat(s.bp()).isCloseTo(0.943, within(0.0005));
        assertThat(s.sysLen()).isEqualTo(17);
        assertThat(s.refLen()).isEqualTo(18);
    }

    @Test
    void variableNumberOfReferences() {
        // README "Variable Number of References": an empty reference is skipped;
        // "BLEU = 29.44 82.4/42.9/27.3/12.5 (BP = 0.889 ratio = 0.895 hyp_len = 17 ref_len = 19)"
        List<String> refsA = List.of("", "It was not unexpected.", "The man bit him first.");
        Bleu.Score s = Bleu.corpusMultiRef(HYPS, List.of(refsA, REFS_B));
        assertThat(s.score()).isCloseTo(29.44, within(0.005));
        assertThat(s.precisions()).containsExactly(new double[] {82.4, 42.9, 27.3, 12.5}, within(0.05));
        assertThat(s.bp()).isCloseTo(0.889, within(0.0005));
        assertThat(s.refLen()).isEqualTo(19);
    }

    @Test
    void emptyHypothesesAreScoredNotDropped() {
        // test_bleu.py: (('', '', ''), _refs, {}, 0.0)
        Bleu.Score s = Bleu.corpusMultiRef(List.of("", "", ""), List.of(REFS_A, REFS_B));
        assertThat(s.score()).isEqualTo(0.0);
    }

    @Test
    void expSmoothingWhenHigherOrdersHaveNoMatch() {
        // test_sentence_bleu.py (issue #98), ('exp', None, False, '13a', 8.493), EPSILON = 1e-3.
        // There effective_order=True, which changes nothing here: every order has hypothesis
        // n-grams. Unigrams and bigrams match, no 3- or 4-gram does (exp smoothing applies).
        String ref = "producţia de zahăr brut se exprimă în zahăr alb;";
        String sys = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";
        Bleu.Score s = Bleu.corpus(List.of(sys), List.of(ref));
        assertThat(s.counts()[2]).isZero();
        assertThat(s.counts()[3]).isZero();
        assertThat(s.score()).isCloseTo(8.493, within(1e-3));
    }

    @Test
    void noMatchAtAllGivesZero() {
        // test_sentence_bleu.py (issue #141): "this is a cat" vs "okay thanks" -> 0.0 with exp smoothing
        assertThat(Bleu.corpus(List.of("this is a cat"), List.of("okay thanks")).score()).isEqualTo(0.0);
    }

    @Test
    void identicalSegmentGivesHundred() {
        // test_bleu.py test_raw_bleu_cases: (["this is a test"], [["this is a test"]], 1.0), BLEU/100
        assertThat(Bleu.corpus(List.of("this is a test"), List.of("this is a test")).score())
                .isCloseTo(100.0, within(1e-6));
    }

    @Test
    void clippedNgramCounts() {
        // test_bleu.py test_case_statistics: Statistics([4, 2, 1, 0], [6, 5, 4, 3])
        // (the text has no punctuation, so 13a and 'none' tokenization agree)
        Bleu.Score s = Bleu.corpus(List.of("am I am a character sequence"),
                List.of("I am a symbol string sequence a a"));
        assertThat(s.counts()).containsExactly(4, 2, 1, 0);
        assertThat(s.totals()).containsExactly(6, 5, 4, 3);
    }

    @Test
    void scoreFromStatistics() {
        // test_bleu.py test_case_scoring: ((Statistics([9, 7, 5, 3], [10, 8, 6, 4]), 11, 11), 0.8375922397)
        Bleu.Score s = Bleu.fromStatistics(new int[] {9, 7, 5, 3}, new int[] {10, 8, 6, 4}, 11, 11);
        assertThat(s.score() / 100).isCloseTo(0.8375922397, within(1e-8));
        // test_bleu.py test_case_degenerate_stats: no match at all -> 0.0
        assertThat(Bleu.fromStatistics(new int[4], new int[] {4, 4, 2, 1}, 0, 1).score()).isEqualTo(0.0);
        assertThat(Bleu.fromStatistics(new int[4], new int[4], 0, 0).score()).isEqualTo(0.0);
    }

    @Test
    void rejectsMismatchedOrEmptyReferences() {
        assertThatThrownBy(() -> Bleu.corpus(List.of("a", "b"), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
        // sacreBLEU: RuntimeError("Empty or `None` reference sentence found.")
        assertThatThrownBy(() -> Bleu.corpus(List.of("a"), List.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

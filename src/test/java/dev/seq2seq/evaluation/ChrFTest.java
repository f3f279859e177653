package dev.seq2seq.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected numbers are copied from sacreBLEU's own repository (github.com/mjpost/sacrebleu):
 * test/test_chrf.py (2.x and, where noted, 1.x) and the README section "Using SacreBLEU from Python".
 */
class ChrFTest {

    @Test
    void defaultChrF2OnReadmeExample() {
        // README: CHRF().corpus_score(sys, refs) -> "chrF2 = 59.73" (two reference streams)
        List<String> hyps = List.of(
                "The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
        List<String> refsA = List.of(
                "The dog bit the man.", "It was not unexpected.", "The man bit him first.");
        List<String> refsB = List.of(
                "The dog had bit the man.", "No one was surprised.", "The man had bitten the dog.");
        assertThat(ChrF.corpusMultiRef(hyps, List.of(refsA, refsB), ChrF.BETA)).isCloseTo(59.73, within(0.005));
    }

    /**
     * test_chrf.py {@code test_cases_effective_order}: corpus_chrf(..., char_order=6, word_order=0,
     * beta=3, eps_smoothing=False), EPSILON = 1e-4. This is our code path; only beta differs
     * from the default, so beta=3 is passed explicitly.
     */
    static Stream<Arguments> effectiveOrderCases() {
        return Stream.of(
                Arguments.of(List.of("a"), List.of("a"), 100.0),
                Arguments.of(List.of(""), List.of("reference"), 0.0),
                Arguments.of(List.of("a b c"), List.of("a b c"), 100.0),
                Arguments.of(List.of("a b c"), List.of("abc"), 100.0),
                Arguments.of(List.of(""), List.of("c"), 0.0),
                Arguments.of(List.of("a", "b"), List.of("a", "c"), 50.0),
                Arguments.of(List.of("aa"), List.of("ab"), 25.0));
    }

    @ParameterizedTest
    @MethodSource("effectiveOrderCases")
    void effectiveOrderSmoothing(List<String> hyps, List<String> refs, double expected) {
        assertThat(ChrF.corpus(hyps, refs, 3)).isCloseTo(expected, within(1e-4));
    }

    @Test
    void irregularWhitespaceIsRemovedBeforeCounting() {
        // test_chrf.py of sacreBLEU 1.x: corpus_chrf(hyps, [refs], 6, 3), EPSILON = 1e-8, scores on
        // a 0-1 scale. 1.x always averaged precision and recall over the effective orders, which
        // is exactly the 2.x eps_smoothing=False path implemented here.
        assertThat(ChrF.corpus(
                List.of(" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "),
                List.of("Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."), 3) / 100)
                .isCloseTo(0.64130269831561459, within(1e-8));
        assertThat(ChrF.corpus(
                List.of(" risk assessment must be made of those who are qualified and expertise in the sector"
                        + " - these are the scientists ."),
                List.of("risk assessment has to be undertaken by those who are qualified and expert in that area"
                        + " - that is the scientists ."), 3) / 100)
                .isCloseTo(0.63361730303214769, within(1e-8));
    }

    @Test
    void rejectsMismatchedLists() {
        assertThatThrownBy(() -> ChrF.corpus(List.of("a", "b"), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

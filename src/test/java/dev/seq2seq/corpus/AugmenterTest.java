package dev.seq2seq.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seq2seq.spans.Placeholders;
import java.util.List;
import org.junit.jupiter.api.Test;

class AugmenterTest {
    private static final String P0 = Placeholders.of(0);

    @Test
    void sharedSpansBecomeTheSamePlaceholderOnBothSides() {
        Augmenter a = new Augmenter("en", "es", Augmenter.Rates.DEFAULT, 1);
        for (int i = 0; i < 20; i++) {   // the indices may be shifted, but always alike on both sides
            ParallelCorpus.Pair p = a.mask("400,000 gallons at 3:30.", "A las 3:30, 400.000 galones.");
            int first = p.source().codePointAt(0);
            int second = p.source().codePointAt(p.source().indexOf(" at ") + 4);
            assertThat(Placeholders.index(first)).isGreaterThanOrEqualTo(0);
            assertThat(p.target()).isEqualTo("A las " + Character.toString(second) + ", " + Character.toString(first) + " galones.");
        }
        ParallelCorpus.Pair different = a.mask("It costs 2 euros.", "Cuesta dos euros.");
        assertThat(different).isEqualTo(new ParallelCorpus.Pair("It costs 2 euros.", "Cuesta dos euros."));
    }

    @Test
    void addsNamedNumberedAndNoisyCopies() {
        Augmenter a = new Augmenter("en", "es", new Augmenter.Rates(1, 1, 1, 0, 1, 1), 3);
        int[] counts = new int[8];
        List<ParallelCorpus.Pair> out = a.augment(List.of(new ParallelCorpus.Pair("Tom has three dogs.", "Tom tiene tres perros.")), counts);
        assertThat(out.get(0)).isEqualTo(new ParallelCorpus.Pair("Tom has three dogs.", "Tom tiene tres perros."));
        ParallelCorpus.Pair named = out.get(2);   // after the name-placeholder copy
        String name = named.source().substring(0, named.source().indexOf(" has"));
        assertThat(name).isNotEqualTo("Tom");
        assertThat(named.target()).isEqualTo(name + " tiene tres perros.");
        assertThat(out).anyMatch(p -> p.source().matches("[\uE000-\uE00F] has three dogs\\.")
                && p.target().equals(p.source().substring(0, 1) + " tiene tres perros."));
        assertThat(out).anyMatch(p -> p.source().equals("Tom has " + P0 + " dogs.") && p.target().equals("Tom tiene " + P0 + " perros."));
        assertThat(out).contains(new ParallelCorpus.Pair("tom has three dogs", "Tom tiene tres perros."));
    }

    @Test
    void plainTextDropsCaseAccentsAndPunctuationButNotDecimals() {
        assertThat(Augmenter.plain("¿Dónde está la estación? Cuesta 3.50, ¡sí!")).isEqualTo("donde esta la estacion cuesta 3.50 si");
    }
}

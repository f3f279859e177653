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
        int[] counts = new int[Augmenter.COUNTS];
        List<ParallelCorpus.Pair> out = augment("en", "es", new Augmenter.Rates(1, 1, 1, 0, 1, 1, 0, 0), 3, List.of(new ParallelCorpus.Pair("Tom has three dogs.", "Tom tiene tres perros.")), counts);
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
    void weekdaysMonthsAndCurrenciesAreSwappedAlikeOnBothSides() {
        int[] counts = new int[Augmenter.COUNTS];
        List<ParallelCorpus.Pair> out = augment("es", "en", new Augmenter.Rates(0, 0, 0, 0, 0, 1, 3, 0), 5, List.of(
                new ParallelCorpus.Pair("El lunes pagué veinte dólares.", "On Monday I paid twenty dollars."),
                new ParallelCorpus.Pair("Lunes otra vez.", "Monday again."),
                new ParallelCorpus.Pair("Del lunes al viernes.", "From Monday to Friday.")), counts);
        assertThat(counts[8]).isEqualTo(6);   // three copies of each of the first two; none of the third (two weekdays)
        List<String> weekdays = List.of("lunes Monday", "martes Tuesday", "miércoles Wednesday", "jueves Thursday", "viernes Friday",
                "sábado Saturday", "domingo Sunday");
        List<String> currencies = List.of("dólares dollars", "euros euros", "yenes yen", "pesos pesos");
        for (ParallelCorpus.Pair p : out.subList(1, 4)) {
            String[] s = p.source().replace(".", "").split(" ");
            String[] t = p.target().replace(".", "").split(" ");
            assertThat(weekdays).contains(s[1] + " " + t[1]);
            assertThat(currencies).contains(s[4] + " " + t[5]);
            assertThat(p).isNotEqualTo(out.get(0));
        }
        for (ParallelCorpus.Pair p : out.subList(5, 8)) {   // a capital kept where the word had one
            assertThat(p.source()).matches("[A-ZÁÉÍÓÚ][a-záéíóú]+ otra vez\\.");
            assertThat(p.target()).matches("[A-Z][a-z]+ again\\.");
            assertThat(weekdays).contains(p.source().split(" ")[0].toLowerCase() + " " + p.target().split(" ")[0]);
        }
        assertThat(out.get(8)).isEqualTo(new ParallelCorpus.Pair("Del lunes al viernes.", "From Monday to Friday."));
        assertThat(out).hasSize(9);
    }

    @Test
    void englishTermsMatchAsWrittenSoTheVerbMayIsNoMonth() {
        Augmenter a = new Augmenter("en", "es", new Augmenter.Rates(0, 0, 0, 0, 0, 1, 1, 0), 5);
        int[] counts = new int[Augmenter.COUNTS];
        a.augment(List.of(new ParallelCorpus.Pair("You may go in mayo.", "Puedes ir en mayo.")), counts);
        assertThat(counts[8]).isZero();
        a.augment(List.of(new ParallelCorpus.Pair("I was born in May.", "Nací en mayo.")), counts);
        assertThat(counts[8]).isEqualTo(1);
        List<ParallelCorpus.Pair> out = a.augment(List.of(new ParallelCorpus.Pair("I swim on Mondays.", "Nado los lunes.")), counts);
        assertThat(out.get(1).source()).matches("I swim on [A-Z][a-z]+days\\.");   // a plural weekday for a plural one
        assertThat(counts[8]).isEqualTo(2);
    }

    @Test
    void openersGoInFrontOfBothSidesWithTheFirstWordLowerCasedWhereTheCorpusWritesItSo() {
        int[] counts = new int[Augmenter.COUNTS];
        List<ParallelCorpus.Pair> out = augment("es", "en", new Augmenter.Rates(0, 0, 0, 0, 0, 1, 0, 1), 7, List.of(
                new ParallelCorpus.Pair("¿Cómo estás?", "How are you?"),
                new ParallelCorpus.Pair("Tom, ¿cómo estás?", "Tom, how are you?"),
                new ParallelCorpus.Pair("I am here.", "Estoy aquí.")), counts);
        assertThat(counts[9]).isEqualTo(3);
        ParallelCorpus.Pair first = out.get(1);
        assertThat(first.source()).matches("[^,]+, ¿cómo estás\\?");
        assertThat(first.target()).matches("[^,]+, how are you\\?");
        assertThat(out.get(3).source()).matches("[^,]+, Tom, ¿cómo estás\\?");   // Tom is never written in lower case
    }

    @Test
    void anOpenerAddressesAPersonNeverAPlaceOrABrand() {
        int[] counts = new int[Augmenter.COUNTS];
        List<ParallelCorpus.Pair> pairs = java.util.Collections.nCopies(400, new ParallelCorpus.Pair("¿Cómo estás?", "How are you?"));
        List<ParallelCorpus.Pair> out = augment("es", "en", new Augmenter.Rates(0, 0, 0, 0, 0, 1, 0, 1), 11, pairs, counts);
        java.util.Set<String> addressed = new java.util.HashSet<>();
        java.util.List<String> placesAndBrands = new java.util.ArrayList<>(dev.seq2seq.spans.ProjectNames.all());
        placesAndBrands.removeAll(dev.seq2seq.spans.ProjectNames.people());
        for (ParallelCorpus.Pair p : out) {
            String before = p.source().substring(0, Math.max(0, p.source().indexOf(", ¿")));   // "Hola Ximena" or "Hola"
            dev.seq2seq.spans.ProjectNames.people().stream().filter(n -> before.endsWith(" " + n)).forEach(addressed::add);
            assertThat(placesAndBrands).noneMatch(n -> before.endsWith(" " + n));
        }
        assertThat(addressed).hasSizeGreaterThan(10);
    }

    @Test
    void aNameTypedOnceInLowerCaseKeepsItsCapitalAfterAnOpener() {
        int[] counts = new int[Augmenter.COUNTS];
        List<ParallelCorpus.Pair> out = augment("en", "es", new Augmenter.Rates(0, 0, 0, 0, 0, 1, 0, 1), 7, List.of(
                new ParallelCorpus.Pair("Tom is here.", "Tom está aquí."),
                new ParallelCorpus.Pair("I saw Tom.", "Vi a Tom."),
                new ParallelCorpus.Pair("Where is tom?", "¿Dónde está tom?"),   // a typo, as Tatoeba has two
                new ParallelCorpus.Pair("Is it late?", "¿Es tarde?"),
                new ParallelCorpus.Pair("It is late.", "Es tarde.")), counts);
        assertThat(out.get(1).source()).matches("[^,]+, Tom is here\\.");
        assertThat(out.get(1).target()).matches("[^,]+, Tom está aquí\\.");
        assertThat(out.get(out.size() - 1).source()).matches("[^,]+, it is late\\.");
    }

    @Test
    void germanSieStartsNoOpenerCopy() {
        Augmenter a = new Augmenter("de", "en", new Augmenter.Rates(0, 0, 0, 0, 0, 1, 0, 1), 7);
        int[] counts = new int[Augmenter.COUNTS];
        a.augment(List.of(new ParallelCorpus.Pair("Sie sind nett.", "You are nice."),
                new ParallelCorpus.Pair("sie sind nett", "they are nice")), counts);
        assertThat(counts[9]).isEqualTo(1);
    }

    @Test
    void termCopiesOfOnePairDiffer() {
        Augmenter a = new Augmenter("en", "es", new Augmenter.Rates(0, 0, 0, 0, 0, 1, 3, 0), 1);
        for (int round = 0; round < 50; round++) {   // one Augmenter, so each round draws anew
            int[] counts = new int[Augmenter.COUNTS];
            List<ParallelCorpus.Pair> out = a.augment(List.of(new ParallelCorpus.Pair("I paid in euros.", "Pagué en euros.")), counts);
            assertThat(counts[8]).isEqualTo(3);
            assertThat(out).doesNotHaveDuplicates();
        }
    }

    /** The pairs augmented by a new Augmenter with these rates and seed, its counts added to {@code counts}. */
    private static List<ParallelCorpus.Pair> augment(String source, String target, Augmenter.Rates rates, long seed,
                                                     List<ParallelCorpus.Pair> pairs, int[] counts) {
        return new Augmenter(source, target, rates, seed).augment(pairs, counts);
    }

    @Test
    void plainTextDropsCaseAccentsAndPunctuationButNotDecimals() {
        assertThat(Augmenter.plain("¿Dónde está la estación? Cuesta 3.50, ¡sí!")).isEqualTo("donde esta la estacion cuesta 3.50 si");
    }
}

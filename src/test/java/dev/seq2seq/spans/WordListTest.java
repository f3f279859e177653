package dev.seq2seq.spans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordListTest {
    @Test
    void holdsTheWordsWrittenInLowerCaseNotTheNamesOnlySeenCapitalised() {
        WordList words = WordList.of(List.of("Compré pan con Aiko.", "Tom compró leche; yo compré pan.", "Aiko llega el sábado."), 1);
        assertThat(words.contains("Compré")).isTrue();    // seen as "compré" once
        assertThat(words.contains("sábado")).isTrue();
        assertThat(words.contains("Aiko")).isFalse();      // only ever capitalised: a name
        assertThat(words.contains("Tom")).isFalse();
        assertThat(WordList.of(List.of("pan pan vino"), 2).contains("vino")).isFalse();
        assertThat(WordList.EMPTY.isEmpty()).isTrue();
    }

    /** German sources and their English translations: nouns, names carried over as written, a name translated, capitals. */
    private static final List<String> DE = List.of(
            "Ich möchte ein Zimmer für zwei Nächte.", "Das Zimmer ist klein, sagt Tom.", "Hat Tom ein Zimmer?",
            "Nächte sind kalt. Zimmer auch.", "Er sagte: „Zimmer frei!“", "Ich war bei Tom in Berlin.",
            "Oluwaseun wohnt in Berlin.", "Wir fahren nach Berlin.", "Ich sehe Maria.", "Wo ist Maria?", "Das ist Maria.",
            "Das WLAN ist langsam.", "Ist das WLAN kaputt?", "Wir haben WLAN.",
            "Das kostet 5 Euro.", "Nur 2 Euro!", "Es sind 9 Euro.");
    private static final List<String> EN = List.of(
            "I'd like a room for two nights.", "The room is small, says Tom.", "Does Tom have a room?",
            "Nights are cold. Rooms too.", "He said: \"Room free!\"", "I was at Tom's in Berlin.",
            "Oluwaseun lives in Berlin.", "We're going to Berlin.", "I see Mary.", "Where is Mary?", "That's Mary.",
            "The Wi-Fi is slow.", "Is the Wi-Fi broken?", "We have Wi-Fi.",
            "That costs 5 euros.", "Only 2 euros!", "It's 9 euros.");

    @Test
    void englishWeekdaysAndMonthsAreWordsButTheNamesTheTranslationsCarryAreNot() {
        List<String> en = List.of("I saw Tom on Thursday.", "Tom came on Thursday.", "See you on Thursday, Tom.",
                "We met in August.", "It rains in August.", "Is it hot in August?");
        List<String> es = List.of("Vi a Tom el jueves.", "Tom vino el jueves.", "Nos vemos el jueves, Tom.",
                "Nos conocimos en agosto.", "Llueve en agosto.", "¿Hace calor en agosto?");
        WordList words = WordList.of(en, es, 1, WordList.nounMinCount("en"));
        assertThat(words.isNoun("Thursday")).isTrue();
        assertThat(words.isNoun("August")).isTrue();
        assertThat(words.isNoun("Tom")).isFalse();
    }

    @Test
    void aNameTheTranslationsWriteWithAnAccentIsCarriedNotTranslated() {
        List<String> en = List.of("I live in Los Angeles.", "Tom flew to Los Angeles.", "Is it warm in Los Angeles?");
        List<String> es = List.of("Vivo en Los Ángeles.", "Tom voló a Los Ángeles.", "¿Hace calor en Los Ángeles?");
        WordList words = WordList.of(en, es, 1, WordList.nounMinCount("en"));
        assertThat(words.isNoun("Angeles")).isFalse();   // a noun would split the name: "Vivo en Los."
    }

    @Test
    void forALanguageThatCapitalisesNounsHoldsTheNounsSeenInsideSentencesThreeTimes() {
        assertThat(WordList.nounMinCount("de")).isEqualTo(3);
        assertThat(WordList.nounMinCount("en")).isEqualTo(3);   // Thursday, August, English
        assertThat(WordList.nounMinCount("es")).isZero();
        WordList de = WordList.of(DE, EN, 1, 3);
        assertThat(de.isNoun("Zimmer")).isTrue();      // three times inside a sentence (not after "." or ": „")
        assertThat(de.isNoun("zimmer")).isFalse();     // a noun is held with its capital
        assertThat(de.contains("Zimmer")).isFalse();   // and German does not write it in lower case
        assertThat(de.isNoun("Nächte")).isFalse();     // once inside a sentence, once as a first word
        assertThat(de.isNoun("Tom")).isFalse();        // names the translations carry over as written
        assertThat(de.isNoun("Berlin")).isFalse();
        assertThat(de.isNoun("Euro")).isFalse();       // the translations share it (euros): a copy does as well
        assertThat(de.isNoun("Maria")).isTrue();       // translated (Mary): a word the model learnt
        assertThat(de.isNoun("WLAN")).isFalse();       // capitals throughout: an acronym
        assertThat(de.isNoun("Oluwaseun")).isFalse();
        assertThat(de.contains("möchte")).isTrue();
        assertThat(de.nouns()).isEqualTo(2);
        // without the translations the names come in too; without a noun count, no noun at all
        assertThat(WordList.of(DE, List.of(), 1, 3).isNoun("Tom")).isTrue();
        assertThat(WordList.of(DE, List.of(), 1, 3).isNoun("Euro")).isTrue();
        assertThat(WordList.of(DE, EN, 1, 0).nouns()).isZero();
        assertThat(WordList.of(DE, 1).isNoun("Zimmer")).isFalse();
    }

    @Test
    void nounsSurviveAWriteAndAReadAndLeaveTheMarksAlone(@TempDir Path dir) throws Exception {
        WordList de = WordList.of(List.of("Wir möchten ein Zimmer.", "Das Zimmer ist groß.", "Ist das Zimmer frei?"), List.of(), 1, 3);
        de.write(dir.resolve("source.words"));
        assertThat(java.nio.file.Files.readAllLines(dir.resolve("source.words"))).contains("Zimmer", "möchten", "groß");
        WordList read = WordList.read(dir.resolve("source.words"));
        assertThat(read.isNoun("Zimmer")).isTrue();
        assertThat(read.nouns()).isEqualTo(1);
        assertThat(read.restoreMarks("moechten gross zimmer mochten")).isEqualTo("moechten gross zimmer möchten");
    }

    @Test
    void survivesAWriteAndARead(@TempDir Path dir) throws Exception {
        WordList words = WordList.of(List.of("el tren sale", "l'hôtel está cerca"), 1);
        words.write(dir.resolve("source.words"));
        WordList read = WordList.read(dir.resolve("source.words"));
        assertThat(read.size()).isEqualTo(words.size()).isEqualTo(6);
        assertThat(read.contains("l'hôtel")).isTrue();
    }

    @Test
    void putsBackTheAccentsAndApostrophesATypistDroppedWhereOnlyOneWordFits() {
        WordList es = WordList.of(List.of("él se mejorará pronto y esta casa está aquí; el público lo publicó"), 1);
        assertThat(es.restoreMarks("el se mejorara pronto aqui")).isEqualTo("el se mejorará pronto aquí");
        assertThat(es.restoreMarks("esta casa")).isEqualTo("esta casa");           // a word of its own: kept
        assertThat(es.restoreMarks("publico")).isEqualTo("publico");               // público or publicó: left alone
        assertThat(es.restoreMarks("Aqui vive Mejorara")).isEqualTo("Aqui vive Mejorara");   // capitalised: a name, or typed with care
        WordList en = WordList.of(List.of("i don't know why it isn't here; don't"), 1);
        assertThat(en.restoreMarks("i dont know why it isnt 7:45 here")).isEqualTo("i don't know why it isn't 7:45 here");
        assertThat(WordList.EMPTY.restoreMarks("aqui")).isEqualTo("aqui");
        // a word inside an address, a path or a code is not a word typed on its own
        WordList lucia = WordList.of(List.of("lucía vive aquí"), 1);
        assertThat(lucia.restoreMarks("escribe a lucia.gomez@correo.es o mira docs/aqui, ¿aqui? (lucia)"))
                .isEqualTo("escribe a lucia.gomez@correo.es o mira docs/aqui, ¿aquí? (lucía)");
    }

    @Test
    void oneWordTypedWithTwoKindsOfApostropheIsStillOneWord() {
        // the training sources write both "can't" and "can’t": "cant" is restored, not left as ambiguous
        WordList en = WordList.of(List.of("i can't go", "she can’t go", "we don't know"), 1);
        assertThat(en.restoreMarks("i cant go and we dont know")).isEqualTo("i can't go and we don't know");
    }

    @Test
    void englishContractionsOfICanBeRestoredThoughTheListHoldsOnlyLowerCaseWords(@TempDir Path dir) throws Exception {
        WordList.of(List.of("you're ready and i think so", "he is ill today"), 1).write(dir.resolve("source.words"));
        WordList en = WordList.read(dir.resolve("source.words"), "en");
        assertThat(en.restoreMarks("im ready and ive seen it; send me your id")).isEqualTo("I'm ready and I've seen it; send me your id");
        assertThat(en.restoreMarks("ill go")).isEqualTo("ill go");   // "ill" is a word: "I'll" is not assumed
        WordList es = WordList.read(dir.resolve("source.words"), "es");
        assertThat(es.restoreMarks("im ready")).isEqualTo("im ready");
    }
}

package dev.seq2seq.spans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectedSpansTest {
    private static List<String> spans(String text) {
        return ProtectedSpans.find(text).stream().map(ProtectedSpans.Span::text).toList();
    }

    @Test
    void findsNumbersTimesDatesCodesAndAddresses() {
        assertThat(spans("Tomás compró 3 manzanas por 12,50 dólares.")).containsExactly("3", "12,50");
        assertThat(spans("El tren sale a las 7:45 desde el andén B-12.")).containsExactly("7:45", "B-12");
        assertThat(spans("Mi correo es juan@example.com.")).containsExactly("juan@example.com");
        assertThat(spans("See https://example.com/docs?a=1. Or www.tienda-ejemplo.es/ofertas, or shop.example.org."))
                .containsExactly("https://example.com/docs?a=1", "www.tienda-ejemplo.es/ofertas", "shop.example.org");
        assertThat(spans("The meeting is at 3:30 p.m. on 12/05/2026, room B-12, flight IB3167 or LH 441."))
                .containsExactly("3:30", "12/05/2026", "B-12", "IB3167", "LH 441");
        assertThat(spans("Llama al 915 555 014 o al 612 34 56 78, no a los 3 o 4.")).containsExactly("915 555 014", "612 34 56 78", "3", "4");
        assertThat(spans("Call +34 612 345 678 or 555-0199; the password is kx93Lp, the code 28013."))
                .containsExactly("+34 612 345 678", "555-0199", "kx93Lp", "28013");
        // numbers dialled with a trunk prefix, groups of three or four digits: one span, not three numbers
        assertThat(spans("Ruf bei Problemen die Rezeption unter 030 5550 1234 an.")).containsExactly("030 5550 1234");
        assertThat(spans("제 번호는 010 1234 5678이에요.")).containsExactly("010 1234 5678");
        assertThat(spans("Call 020 123 456 7890 today.")).containsExactly("020 123 456 7890");   // whole, not 020 123 456 + 7890
        assertThat(spans("Si no contesto, llama a Rocío al 91 555 23 87.")).contains("91 555 23 87");
        assertThat(spans("Scores: 07 100 200 300.")).doesNotContain("07 100 200 300");   // a trunk prefix ends in a group of four
        assertThat(spans("Tengo 0 42 y 123 4567.")).doesNotContain("0 42 y 123 4567");
        assertThat(spans("It cost 3,200 dollars, 3.200 euros, 1.000.000 pesos on 3.4.2025 or 2026-03-14."))
                .containsExactly("3,200", "3.200", "1.000.000", "3.4.2025", "2026-03-14");
    }

    @Test
    void findsSpansThatKoreanParticlesAndCountersAreAttachedTo() {
        assertThat(spans("사과 3개를 15,000원에 샀어요.")).containsExactly("3", "15,000");
        assertThat(spans("KE901편은 오후 7:45에 출발하고 305호는 2층이에요.")).containsExactly("KE901", "7:45", "305", "2");
        assertThat(spans("메일은 juan@example.com으로 보내 주시고 https://example.kr/docs에서 확인하세요."))
                .containsExactly("juan@example.com", "https://example.kr/docs");
        assertThat(spans("내일 봐요! 잘 지냈어?")).isEmpty();
    }

    @Test
    void leavesWordsAndOrdinalsToTheModelAndProtectsEmoji() {
        assertThat(spans("Maria and Johannes will arrive on Friday.")).isEmpty();
        assertThat(spans("It was the 1st time, the 2nd floor.")).isEmpty();
        assertThat(spans("Me encanta 😀 este lugar ❤️ 👍🏽")).containsExactly("😀", "❤️", "👍🏽");
    }

    @Test
    void masksWithIndexedPlaceholdersAndRestoresEachInItsPlace() {
        ProtectedSpans.Masked m = ProtectedSpans.mask("Tom bought 3 apples for 12 dollars at 7:45.");
        assertThat(m.spans()).containsExactly("3", "12", "7:45");
        assertThat(m.text()).isEqualTo("Tom bought " + Placeholders.of(0) + " apples for " + Placeholders.of(1)
                + " dollars at " + Placeholders.of(2) + ".");
        String output = "A las " + Placeholders.of(2) + ", Tom compró " + Placeholders.of(0) + " manzanas por "
                + Placeholders.of(1) + " dólares.";
        assertThat(m.complete(output)).isTrue();
        assertThat(m.restore(output)).isEqualTo("A las 7:45, Tom compró 3 manzanas por 12 dólares.");
    }

    @Test
    void restorationNeitherLosesNorInventsASpan() {
        ProtectedSpans.Masked m = ProtectedSpans.mask("Room B-12 at 9:15.");
        String p0 = Placeholders.of(0);
        String p1 = Placeholders.of(1);
        String p5 = Placeholders.of(5);
        assertThat(m.complete("Sala " + p0 + " " + p0 + ".")).isFalse();
        assertThat(m.restore("Sala " + p0 + " " + p0 + " " + p5 + ".")).isEqualTo("Sala B-12 9:15.");
        assertThat(m.restore("Sala.")).isEqualTo("Sala B-12 9:15.");
        assertThat(m.restore("Sala " + p1 + " y " + p0 + ".")).isEqualTo("Sala 9:15 y B-12.");
    }

    @Test
    void aWordPieceGluedToARestoredSpanIsDroppedButSuffixesAndParticlesStay() {
        ProtectedSpans.Masked m = ProtectedSpans.mask("The ticket costs $18.40 and the code is QX-5520.");
        String p0 = Placeholders.of(0);
        String p1 = Placeholders.of(1);
        assertThat(m.restore("El billete cuesta " + p0 + " es " + p1 + "do.")).isEqualTo("El billete cuesta $18.40 es QX-5520.");
        assertThat(m.restore("Cuesta " + p0 + "y el código " + p1 + ".")).isEqualTo("Cuesta $18.40 el código QX-5520.");
        ProtectedSpans.Masked year = ProtectedSpans.mask("Nació el 5 de mayo de 1987.");
        assertThat(year.restore("He was born on May " + p0 + "th, " + Placeholders.of(1) + ".")).isEqualTo("He was born on May 5th, 1987.");
        assertThat(m.restore("코드는 " + p1 + "이고 가격은 " + p0 + "이에요.")).isEqualTo("코드는 QX-5520이고 가격은 $18.40이에요.");
    }

    @Test
    void inputThatLooksLikeAPlaceholderIsItselfProtected() {
        String input = "Code " + Placeholders.of(0) + " and 42";
        ProtectedSpans.Masked m = ProtectedSpans.mask(input);
        assertThat(m.spans()).containsExactly(Placeholders.of(0), "42");
        assertThat(m.restore(m.text())).isEqualTo(input);
    }

    @Test
    void keepsAtMostCountPlaceholdersAndLeavesTheRestInTheText() {
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= Placeholders.COUNT + 3; i++) {
            many.append(i).append(' ');
        }
        ProtectedSpans.Masked m = ProtectedSpans.mask(many.toString().strip());
        assertThat(m.spans()).hasSize(Placeholders.COUNT);
        assertThat(m.text()).endsWith(" 17 18 19");
        assertThat(m.restore(m.text())).isEqualTo(many.toString().strip());
    }

    @Test
    void protectsCapitalisedWordsInsideASentenceThatTheModelDoesNotKnow() {
        java.util.Set<String> known = java.util.Set.of("Friday", "Tom", "Madrid", "María");
        List<String> en = ProtectedSpans.find("Aiko and Oluwaseun fly from Valparaíso to Madrid on Friday at 7:45 with Tom's dog.", known::contains)
                .stream().map(ProtectedSpans.Span::text).toList();
        assertThat(en).containsExactly("Oluwaseun", "Valparaíso", "7:45");   // a first word is left to the model
        assertThat(ProtectedSpans.find("Hola María José, ¿vienes?", known::contains).stream().map(ProtectedSpans.Span::text))
                .containsExactly("María José");   // a run of capitalised words holding a name is one name
    }

    @Test
    void aWordListTellsANameThatStartsASentenceFromACommonWord() {
        java.util.Set<String> known = java.util.Set.of("El", "Tom", "Galaxy");
        java.util.Set<String> common = java.util.Set.of("compré", "el", "hola", "cogemos");
        java.util.function.Function<String, List<String>> names = s -> ProtectedSpans.find(s, known::contains,
                w -> common.contains(w.toLowerCase(java.util.Locale.ROOT))).stream().map(ProtectedSpans.Span::text).toList();
        assertThat(names.apply("Aiko llega a Valparaíso.")).containsExactly("Aiko", "Valparaíso");
        assertThat(names.apply("Compré el iPhone 15 en Valencia.")).containsExactly("iPhone 15", "Valencia");
        assertThat(names.apply("El Samsung Galaxy S24 está rebajado.")).containsExactly("Samsung Galaxy S24");
        assertThat(names.apply("Ana Sofía cumple 30 años con Tom.")).containsExactly("Ana Sofía", "30");
        assertThat(names.apply("Tom compró 3 manzanas.")).containsExactly("3");   // a name the model knows is its to translate
        assertThat(names.apply("Seo-yeon vive en Madison Square Garden.")).containsExactly("Seo-yeon", "Madison Square Garden");
        assertThat(names.apply("Cogemos el vuelo de Lufthansa LH 441.")).containsExactly("Lufthansa", "LH 441");
    }

    @Test
    void aNounOfALanguageThatCapitalisesThemIsNoNameAnywhereInTheSentence() {
        java.util.Set<String> known = java.util.Set.of("Ich", "Das", "Frau", "Zimmer");   // one piece of the vocabulary
        java.util.Set<String> common = java.util.Set.of("ich", "das", "ein", "für", "zwei", "und", "der");
        java.util.Set<String> nouns = java.util.Set.of("Nächte", "Ticket", "Euro", "Code", "Frau", "Zimmer");
        java.util.function.Predicate<String> isCommon = w -> common.contains(w.toLowerCase(java.util.Locale.ROOT));
        java.util.function.BiFunction<String, java.util.function.Predicate<String>, List<String>> names = (s, noun) ->
                ProtectedSpans.find(s, known::contains, isCommon, noun, List.of()).stream().map(ProtectedSpans.Span::text).toList();
        java.util.function.Predicate<String> none = w -> false;
        String room = "Ich möchte ein Zimmer für zwei Nächte reservieren.";
        String ticket = "Das Ticket kostet 18,40 Euro und der Code ist QX-5520.";
        String arrives = "Frau Schneider kommt um 14:30 in München an.";
        // without the nouns, the nouns the vocabulary lacks as one piece are taken for names
        assertThat(names.apply(room, none)).containsExactly("Nächte");
        assertThat(names.apply(ticket, none)).containsExactly("Ticket", "18,40", "Euro", "Code", "QX-5520");
        assertThat(names.apply(arrives, none)).containsExactly("Frau Schneider", "14:30", "München");
        // with them, only the names are, and a noun is no part of one
        assertThat(names.apply(room, nouns::contains)).isEmpty();
        assertThat(names.apply(ticket, nouns::contains)).containsExactly("18,40", "QX-5520");
        assertThat(names.apply(arrives, nouns::contains)).containsExactly("Schneider", "14:30", "München");
        assertThat(names.apply("Zimmer 4C hat Oluwaseun.", nouns::contains)).containsExactly("4C", "Oluwaseun");
        // the three-argument form is the same as no nouns
        assertThat(ProtectedSpans.find(room, known::contains, isCommon).stream().map(ProtectedSpans.Span::text)).containsExactly("Nächte");
    }

    @Test
    void passwordsAndHandlesWithSymbolsAreOneCode() {
        assertThat(spans("Mi contraseña es Tr4v3l!2026, cámbiala.")).containsExactly("Tr4v3l!2026");
        assertThat(spans("Follow @lucia_dev or @kai.travels, not me@example.com.")).containsExactly("@lucia_dev", "@kai.travels", "me@example.com");
        assertThat(spans("The network CasaVerde_5G, the channel #launch-2026 and Bl0ss0m!27.")).containsExactly("CasaVerde_5G", "#launch-2026", "Bl0ss0m!27");
    }

    @Test
    void aPriceKeepsItsCurrencySign() {
        assertThat(spans("The ticket costs $49.99, the hotel 120 € and the taxi 15€ or 3,50 £.")).containsExactly("$49.99", "120 €", "15€", "3,50 £");
        assertThat(spans("Cuesta 45 euros y 3 €uros")).containsExactly("45", "3");   // a sign that starts a word is not the price's
    }
}

package dev.seq2seq.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.seq2seq.request.InvalidInputException;
import dev.seq2seq.spans.ProtectedSpans;
import java.util.AbstractMap.SimpleEntry;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermsTest {
    private static Map.Entry<String, String> entry(String source, String target) {
        return new SimpleEntry<>(source, target);
    }

    @Test
    void findsKeptTermsAsWrittenAndGlossaryTermsAsTheirTarget() {
        Terms terms = Terms.of(List.of("Sin Humo"), List.of(entry("la nube", "the Cloud")));
        ProtectedSpans.Masked m = ProtectedSpans.mask("Sube el archivo a La Nube de sin humo.",
                terms.find("Sube el archivo a La Nube de sin humo."));
        assertThat(m.spans()).containsExactly("the Cloud", "sin humo");
        assertThat(m.restore("Upload the file to " + m.text().substring(m.text().indexOf("a ") + 2))).isEqualTo("Upload the file to the Cloud de sin humo.");
        assertThat(terms.find("nubes y humos")).isEmpty();   // whole words only
    }

    @Test
    void refusesEmptyLongTooManyAndOverlappingTerms() {
        assertThatThrownBy(() -> Terms.of(List.of(" "), List.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("keep[0] is empty");
        assertThatThrownBy(() -> Terms.of(List.of(), List.of(entry("a", ""))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("glossary[0].target is empty");
        assertThatThrownBy(() -> Terms.of(List.of("x".repeat(101)), List.of())).hasMessageContaining("limit is 100");
        assertThatThrownBy(() -> Terms.of(Collections.nCopies(21, "a"), List.of())).hasMessageContaining("limit is 20");
        assertThatThrownBy(() -> Terms.of(List.of("New York"), List.of(entry("york", "York")))).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> Terms.of(List.of("Zara", "zara"), List.of())).hasMessageContaining("overlaps");
    }
}

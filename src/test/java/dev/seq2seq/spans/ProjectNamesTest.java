package dev.seq2seq.spans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectNamesTest {

    @Test
    void holdsTheProjectsNamesAsWrittenAndNoComment() {
        assertThat(ProjectNames.all()).hasSizeGreaterThan(100).contains("Lucía").noneMatch(n -> n.startsWith("#") || n.isBlank());
        assertThat(ProjectNames.contains("Lucía")).isTrue();
        assertThat(ProjectNames.contains("lucía")).isFalse();   // the verb: only the capitalised name is one
        assertThat(ProjectNames.contains("Compré")).isFalse();
    }

    @Test
    void peopleAreTheGivenNamesWithoutPlacesOrBrands() {
        assertThat(ProjectNames.people()).contains("Ximena", "Lucía", "Mercedes").doesNotContain("Barcelona", "Spotify")
                .hasSizeGreaterThan(100).allMatch(ProjectNames::contains);
    }

    @Test
    void aProjectNameStartingASentenceIsANameThoughTheLanguageAlsoWritesItAsAWord() {
        // "lucía" is a Spanish word (it shone); as the first word, "common" would otherwise make it no name
        java.util.function.Predicate<String> common = w -> w.equalsIgnoreCase("lucía") || w.equalsIgnoreCase("reservó");
        java.util.function.Predicate<String> known = w -> false;
        assertThat(ProtectedSpans.find("Lucía reservó una mesa.", known, common.and(w -> !ProjectNames.contains(w))))
                .extracting(ProtectedSpans.Span::text).containsExactly("Lucía");
        assertThat(ProtectedSpans.find("Lucía reservó una mesa.", known, common)).extracting(ProtectedSpans.Span::text).isEmpty();
    }
}

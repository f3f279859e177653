package dev.seq2seq.spans;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The names written for this project ({@code augment/names.txt}: given names from many languages,
 * places and brands spelled alike in English, Spanish and German). Training puts them into pairs in
 * place of the corpus's few names, so that a model learns to copy names; a translation takes one of
 * them that starts a sentence for a name even where the language also writes it as a word
 * ("Lucía reservó..." is Lucía, not the verb lucía).
 */
public final class ProjectNames {
    private static final List<String> LINES = load();
    private static final List<String> ALL = LINES.stream().filter(l -> !l.startsWith("#")).toList();
    private static final List<String> PEOPLE = section("# people");
    private static final Set<String> SET = Set.copyOf(ALL);

    private ProjectNames() {}

    /** Every name, in the file's order. */
    public static List<String> all() {
        return ALL;
    }

    /** The given names of people alone (the file's "# people" section): what a greeting addresses ("Hola Ximena, ..."). */
    public static List<String> people() {
        return PEOPLE;
    }

    /** True for a name of the list as written, capital included. */
    public static boolean contains(String word) {
        return SET.contains(word);
    }

    /** The names under a heading, up to the next one. */
    private static List<String> section(String heading) {
        int start = LINES.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException("augment/names.txt has no '" + heading + "' section");
        }
        List<String> out = new java.util.ArrayList<>();
        for (int i = start + 1; i < LINES.size() && !LINES.get(i).startsWith("#"); i++) {
            out.add(LINES.get(i));
        }
        return List.copyOf(out);
    }

    private static List<String> load() {
        try (InputStream in = ProjectNames.class.getResourceAsStream("/augment/names.txt")) {
            if (in == null) {
                throw new IllegalStateException("augment/names.txt is missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

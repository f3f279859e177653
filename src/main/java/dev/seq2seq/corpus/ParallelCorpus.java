package dev.seq2seq.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads sentence pairs from a TAB-separated file by 1-based column numbers. */
public final class ParallelCorpus {
    /** One source-target pair. */
    public record Pair(String source, String target) {}

    /** The pairs read and how many lines were skipped (missing column or empty side). */
    public record Result(List<Pair> pairs, int skipped) {}

    private ParallelCorpus() {}

    public static Result read(Path file, int sourceColumn, int targetColumn, int maxPairs) throws IOException {
        if (sourceColumn < 1 || targetColumn < 1) {
            throw new IllegalArgumentException("columns are 1-based: got " + sourceColumn + " and " + targetColumn);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        List<Pair> pairs = new ArrayList<>();
        int skipped = 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null && (maxPairs <= 0 || pairs.size() < maxPairs)) {
                lineNumber++;
                String[] fields = line.split("\t", -1);
                int needed = Math.max(sourceColumn, targetColumn);
                if (fields.length < needed) {
                    if (lineNumber == 1) {
                        throw new IOException(file + ": line 1 has " + fields.length + " TAB-separated columns, column " + needed + " was asked for");
                    }
                    skipped++;
                    continue;
                }
                String source = fields[sourceColumn - 1].strip();
                String target = fields[targetColumn - 1].strip();
                if (source.isEmpty() || target.isEmpty()) {
                    skipped++;
                    continue;
                }
                pairs.add(new Pair(source, target));
            }
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not valid UTF-8 (" + e.getMessage() + ")", e);
        }
        return new Result(pairs, skipped);
    }
}

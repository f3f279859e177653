package dev.seq2seq.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Byte-pair-encoding tokenizer in the SentencePiece style: a space becomes the prefix {@code ▁} of
 * the following word, words are split from punctuation, and merges learned by {@link BpeTrainer}
 * are applied lowest rank first. Characters outside the vocabulary fall back to byte pieces
 * {@code <0x..>}, so every string can be encoded and ordinary text decodes to itself.
 */
public final class BpeTokenizer implements Tokenizer {
    /** U+2581, the piece prefix that stands for a space. */
    public static final char SPACE_MARK = '\u2581';

    private final Vocabulary vocabulary;
    private final List<String[]> merges;
    private final Map<Long, long[]> mergeTable = new HashMap<>();   // (left,right) -> {rank, merged id}
    private final int[] byteIds = new int[256];

    public BpeTokenizer(Vocabulary vocabulary, List<String[]> merges) {
        this.vocabulary = vocabulary;
        this.merges = List.copyOf(merges);
        for (int b = 0; b < 256; b++) {
            String piece = bytePiece(b);
            if (!vocabulary.contains(piece)) {
                throw new IllegalArgumentException("byte piece " + piece + " missing from the vocabulary");
            }
            byteIds[b] = vocabulary.id(piece);
        }
        for (int rank = 0; rank < merges.size(); rank++) {
            String[] m = merges.get(rank);
            String merged = m[0] + m[1];
            if (!vocabulary.contains(m[0]) || !vocabulary.contains(m[1]) || !vocabulary.contains(merged)) {
                throw new IllegalArgumentException("merge " + (rank + 1) + " '" + m[0] + " " + m[1]
                        + "' uses a piece that is not in the vocabulary");
            }
            mergeTable.putIfAbsent(key(vocabulary.id(m[0]), vocabulary.id(m[1])),
                    new long[] {rank, vocabulary.id(merged)});
        }
    }

    static String bytePiece(int b) {
        return String.format("<0x%02X>", b);
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xffffffffL);
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public List<String[]> merges() {
        return merges;
    }

    /** Splits normalized text into the word segments that merges never cross. */
    static List<String> segments(String normalized) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentIsWord = false;
        boolean space = true;   // the first word behaves as if preceded by a space
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                flush(out, current);
                space = true;
                continue;
            }
            boolean word = isWordChar(cp);
            if (space || !word || !currentIsWord) {
                flush(out, current);
                if (space) {
                    current.append(SPACE_MARK);
                    space = false;
                }
            }
            current.appendCodePoint(cp);
            currentIsWord = word;
        }
        flush(out, current);
        return out;
    }

    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static void flush(List<String> out, StringBuilder current) {
        if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
        }
    }

    @Override
    public List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        for (int id : encode(text)) {
            out.add(vocabulary.piece(id));
        }
        return out;
    }

    @Override
    public int[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String segment : segments(TextNormalizer.normalize(text))) {
            encodeSegment(segment, ids);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private void encodeSegment(String segment, List<Integer> out) {
        int[] sym = symbols(segment);
        boolean[] merged = merge(sym);
        for (int i = 0; i < sym.length; i++) {
            if (!merged[i]) {
                out.add(sym[i]);
            }
        }
    }

    /** The ids of a segment's characters; a character the vocabulary lacks becomes the pieces of its UTF-8 bytes. */
    private int[] symbols(String segment) {
        int n = segment.codePointCount(0, segment.length());
        int[] sym = new int[n * 4];
        int count = 0;
        for (int i = 0; i < segment.length(); ) {
            int cp = segment.codePointAt(i);
            i += Character.charCount(cp);
            String piece = new String(Character.toChars(cp));
            if (vocabulary.contains(piece)) {
                sym[count++] = vocabulary.id(piece);
            } else {
                for (byte b : piece.getBytes(StandardCharsets.UTF_8)) {
                    sym[count++] = byteIds[b & 0xff];
                }
            }
        }
        return Arrays.copyOf(sym, count);
    }

    /**
     * Applies the merges to the symbols in place, lowest rank first and the leftmost pair on a tie;
     * returns which positions were merged into the symbol on their left.
     */
    private boolean[] merge(int[] sym) {
        int count = sym.length;
        int[] next = new int[count];
        int[] prev = new int[count];
        boolean[] dead = new boolean[count];
        for (int i = 0; i < count; i++) {
            next[i] = i + 1 < count ? i + 1 : -1;
            prev[i] = i - 1;
        }
        // heap entries: rank in the high bits, left position in the low bits (leftmost wins ties)
        PriorityQueue<Long> heap = new PriorityQueue<>();
        for (int i = 0; i + 1 < count; i++) {
            push(heap, sym, i, i + 1);
        }
        while (!heap.isEmpty()) {
            long entry = heap.poll();
            int pos = (int) (entry & 0xffffffffL);
            int rank = (int) (entry >>> 32);
            if (dead[pos] || next[pos] < 0) {
                continue;
            }
            long[] merge = mergeTable.get(key(sym[pos], sym[next[pos]]));
            if (merge == null || merge[0] != rank) {
                continue;   // stale entry
            }
            int right = next[pos];
            sym[pos] = (int) merge[1];
            dead[right] = true;
            next[pos] = next[right];
            if (next[pos] >= 0) {
                prev[next[pos]] = pos;
                push(heap, sym, pos, next[pos]);
            }
            if (prev[pos] >= 0) {
                push(heap, sym, prev[pos], pos);
            }
        }
        return dead;
    }

    private void push(PriorityQueue<Long> heap, int[] sym, int left, int right) {
        long[] merge = mergeTable.get(key(sym[left], sym[right]));
        if (merge != null) {
            heap.add((merge[0] << 32) | left);
        }
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
        for (int id : ids) {
            if (id < 0 || id >= vocabulary.size() || vocabulary.isSpecial(id)) {
                continue;
            }
            String piece = vocabulary.piece(id);
            int b = byteValue(piece);
            if (b >= 0) {
                pendingBytes.write(b);
                continue;
            }
            flushBytes(pendingBytes, out);
            out.append(piece);
        }
        flushBytes(pendingBytes, out);
        String text = out.toString().replace(SPACE_MARK, ' ');
        return text.startsWith(" ") ? text.substring(1) : text;
    }

    private static int byteValue(String piece) {
        if (piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
            try {
                return Integer.parseInt(piece.substring(3, 5), 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static void flushBytes(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));   // malformed -> U+FFFD
            bytes.reset();
        }
    }

    /** The files {@link #save} writes for a prefix: {@code <prefix>.vocab} and {@code <prefix>.merges}. */
    public static List<String> fileNames(String prefix) {
        return List.of(prefix + ".vocab", prefix + ".merges");
    }

    /** Writes {@code <prefix>.vocab} and {@code <prefix>.merges} into a directory. */
    public void save(Path dir, String prefix) throws IOException {
        vocabulary.save(dir.resolve(prefix + ".vocab"));
        List<String> lines = new ArrayList<>(merges.size());
        for (String[] m : merges) {
            lines.add(m[0] + " " + m[1]);
        }
        Files.write(dir.resolve(prefix + ".merges"), lines, StandardCharsets.UTF_8);
    }

    /** Loads what {@link #save} wrote; failures name the file and the problem. */
    public static BpeTokenizer load(Path dir, String prefix) throws IOException {
        Path vocabFile = dir.resolve(prefix + ".vocab");
        Path mergesFile = dir.resolve(prefix + ".merges");
        for (Path p : List.of(vocabFile, mergesFile)) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + ": tokenizer file is missing");
            }
        }
        Vocabulary vocabulary = Vocabulary.load(vocabFile);
        List<String[]> merges = new ArrayList<>();
        List<String> lines = Files.readAllLines(mergesFile, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(" ");
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new IOException(mergesFile + ": line " + (i + 1) + " is not 'left right'");
            }
            merges.add(parts);
        }
        try {
            return new BpeTokenizer(vocabulary, merges);
        } catch (IllegalArgumentException e) {
            throw new IOException(mergesFile + ": " + e.getMessage(), e);
        }
    }
}

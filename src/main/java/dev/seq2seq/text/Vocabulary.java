package dev.seq2seq.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered list of subword pieces. The special tokens are ordinary entries looked up by name
 * ({@link #PAD}, {@link #UNK}, {@link #BOS}, {@link #EOS}); nothing outside this class assumes their ids.
 * Saved as UTF-8 text, one piece per line, in id order.
 */
public final class Vocabulary {
    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";
    public static final String BOS = "<s>";
    public static final String EOS = "</s>";
    public static final List<String> SPECIALS = List.of(PAD, UNK, BOS, EOS);

    private final List<String> pieces;
    private final Map<String, Integer> ids;
    private final int pad;
    private final int unk;
    private final int bos;
    private final int eos;

    public Vocabulary(List<String> pieces) {
        this.pieces = List.copyOf(pieces);
        this.ids = new HashMap<>(pieces.size() * 2);
        for (int i = 0; i < pieces.size(); i++) {
            if (ids.putIfAbsent(pieces.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate piece '" + pieces.get(i) + "' at line " + (i + 1));
            }
        }
        for (String special : SPECIALS) {
            if (!ids.containsKey(special)) {
                throw new IllegalArgumentException("special token " + special + " is missing");
            }
        }
        this.pad = ids.get(PAD);
        this.unk = ids.get(UNK);
        this.bos = ids.get(BOS);
        this.eos = ids.get(EOS);
    }

    public int size() { return pieces.size(); }
    public int pad() { return pad; }
    public int unk() { return unk; }
    public int bos() { return bos; }
    public int eos() { return eos; }

    /** The id of a piece, or {@link #unk()} when it is not in the vocabulary. */
    public int id(String piece) {
        Integer id = ids.get(piece);
        return id == null ? unk : id;
    }

    public boolean contains(String piece) { return ids.containsKey(piece); }

    public String piece(int id) {
        if (id < 0 || id >= pieces.size()) {
            throw new IllegalArgumentException("token id " + id + " outside vocabulary of size " + pieces.size());
        }
        return pieces.get(id);
    }

    public boolean isSpecial(int id) { return id == pad || id == unk || id == bos || id == eos; }

    public List<String> pieces() { return pieces; }

    /** This vocabulary with the given pieces it lacks appended, in their order; ids already given keep their pieces. */
    public Vocabulary withPieces(List<String> extra) {
        List<String> all = new ArrayList<>(pieces);
        for (String piece : extra) {
            if (!ids.containsKey(piece) && !all.contains(piece)) {
                all.add(piece);
            }
        }
        return new Vocabulary(all);
    }

    public void save(Path file) throws IOException {
        Files.write(file, pieces, StandardCharsets.UTF_8);
    }

    /** Loads a vocabulary file; the message of any failure names the file and the line. */
    public static Vocabulary load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> pieces = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String piece = lines.get(i);
            if (piece.isEmpty()) {
                throw new IOException(file + ": empty piece at line " + (i + 1));
            }
            pieces.add(piece);
        }
        try {
            return new Vocabulary(pieces);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}

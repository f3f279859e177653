package dev.seq2seq.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Korean text cut into morphemes by Lucene's Nori analyzer (mecab-ko-dic): "배고픈데 뭐 먹을까?"
 * becomes "배고픈데 뭐 먹 을까 ?". The pieces are the text's own characters (Nori's offsets, no
 * normalized forms), joined by single spaces, so the text's own spacing, which people type
 * loosely in Korean ("배고파", "배 고파"), no longer matters.
 */
public final class KoreanMorphemes {
    private KoreanMorphemes() {
    }

    public static String segment(String text) {
        List<String> pieces = new ArrayList<>();
        try (KoreanTokenizer tokenizer = new KoreanTokenizer(KoreanTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, null,
                KoreanTokenizer.DecompoundMode.NONE, false, false)) {
            OffsetAttribute offsets = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.setReader(new StringReader(text));
            tokenizer.reset();
            int end = 0;
            while (tokenizer.incrementToken()) {
                int from = offsets.startOffset();
                if (from < end) {
                    continue;   // a part of a token already taken whole
                }
                if (from > end && !text.substring(end, from).isBlank()) {
                    pieces.add(text.substring(end, from).strip());
                }
                String piece = text.substring(from, offsets.endOffset()).strip();
                if (!piece.isEmpty()) {   // Nori gives spaces as tokens of their own
                    pieces.add(piece);
                }
                end = offsets.endOffset();
            }
            tokenizer.end();
            if (end < text.length() && !text.substring(end).isBlank()) {
                pieces.add(text.substring(end).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(" ", pieces);
    }
}

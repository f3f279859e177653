package dev.seq2seq.translate;

import dev.seq2seq.inference.Seq2SeqModel;
import dev.seq2seq.spans.Sentences;
import java.util.ArrayList;
import java.util.List;

/** Cuts a line of text into the pieces a translation model takes whole. */
final class Segments {
    private Segments() {}

    /**
     * The text cut into pieces the model takes whole: its sentences, and any sentence longer than
     * the bundle's source limit cut between words (a single word longer than the limit stands alone
     * and is truncated by {@link Seq2SeqModel#sourceIds}). Joined with spaces, the pieces are the
     * normalized text.
     */
    static List<String> of(Seq2SeqModel model, String text) {
        int budget = model.bundle().config().maxSourceTokens() - 1;
        List<String> out = new ArrayList<>();
        for (String sentence : Sentences.split(text, model.bundle().config().sourceLanguage())) {
            if (model.sourcePieces(sentence) <= budget) {
                out.add(sentence);
            } else {
                cutBetweenWords(model, sentence, budget, out);
            }
        }
        return out;
    }

    private static void cutBetweenWords(Seq2SeqModel model, String sentence, int budget, List<String> out) {
        StringBuilder piece = new StringBuilder();
        int used = 0;
        for (String word : sentence.split(" ")) {
            int cost = model.sourcePieces(word);
            if (piece.length() > 0 && used + cost > budget) {
                out.add(piece.toString());
                piece.setLength(0);
                used = 0;
            }
            piece.append(piece.length() > 0 ? " " : "").append(word);
            used += cost;
        }
        out.add(piece.toString());
    }
}

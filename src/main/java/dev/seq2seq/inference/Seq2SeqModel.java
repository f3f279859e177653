package dev.seq2seq.inference;

import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.ModelBundle;
import dev.seq2seq.search.BannedTokens;
import dev.seq2seq.search.Consensus;
import dev.seq2seq.search.DecoderStep;
import dev.seq2seq.search.DecoderTrace;
import dev.seq2seq.search.DecodingOptions;
import dev.seq2seq.search.Hypothesis;
import dev.seq2seq.spans.NumberWords;
import dev.seq2seq.spans.Placeholders;
import dev.seq2seq.spans.ProjectNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Text in, text out for one bundle: tokenizes a batch of texts, encodes them together, runs the
 * chosen search and detokenizes the hypotheses. Thread-safe.
 */
public final class Seq2SeqModel {
    /**
     * One output text with its tokens and scores; {@code scoredTokens} is how many predictions
     * {@code logProb} sums (the tokens, plus the end token when the search produced it). It is a
     * search's {@link Hypothesis} with its text (see there for why both exist); a reranked reply
     * from the reply memory is a generation that no search produced.
     */
    public record Generation(String text, int[] tokens, double logProb, double score, int scoredTokens) {}

    /**
     * What the network did while writing one output: the source and target pieces as the model saw
     * them (the end token {@code </s>} last on both sides; {@code ▁} marks a space before a piece)
     * and its attention and gates per target piece ({@link DecoderTrace}).
     */
    public record Inspection(List<String> sourcePieces, List<String> targetPieces, DecoderTrace trace) {}

    private final ModelBundle bundle;
    private final boolean carriesPlaceholders;
    private final BitSet digitPieces;   // target pieces with a digit: a translator with placeholders writes them only where its source has digits

    public Seq2SeqModel(ModelBundle bundle) {
        this.bundle = bundle;
        this.carriesPlaceholders = Placeholders.supportedBy(bundle.sourceTokenizer().vocabulary())
                && Placeholders.supportedBy(bundle.targetTokenizer().vocabulary());
        this.digitPieces = carriesPlaceholders && BundleConfig.TRANSLATE.equals(bundle.config().task())
                ? piecesWithDigits(bundle) : new BitSet();
    }

    /** The target pieces that write a digit: "▁10", "3", and the byte piece of an ASCII digit. */
    private static BitSet piecesWithDigits(ModelBundle bundle) {
        var target = bundle.targetTokenizer();
        BitSet out = new BitSet();
        for (int id = 0; id < target.vocabulary().size(); id++) {
            if (id != target.vocabulary().eos() && target.decode(new int[] {id}).codePoints().anyMatch(Character::isDigit)) {
                out.set(id);
            }
        }
        return out;
    }

    public ModelBundle bundle() {
        return bundle;
    }

    /** The bundle's name, as its card gives it. */
    public String name() {
        return bundle.config().name();
    }

    /** Source ids for a text: its pieces, cut to the bundle's limit, then EOS. */
    public int[] sourceIds(String text) {
        int[] ids = bundle.sourceTokenizer().encode(text);
        int limit = bundle.config().maxSourceTokens() - 1;
        int[] out = Arrays.copyOf(ids, Math.min(ids.length, limit) + 1);
        out[out.length - 1] = bundle.sourceTokenizer().vocabulary().eos();
        return out;
    }

    /** True when both vocabularies have the {@link Placeholders}: protected spans can go through the model as placeholders. */
    public boolean carriesPlaceholders() {
        return carriesPlaceholders;
    }

    /** True when the source vocabulary holds the word, with its leading space, as a single piece: a word the model learnt. */
    public boolean knowsWord(String word) {
        return bundle.sourceTokenizer().encode(word).length == 1;
    }

    /**
     * True when the source language writes the word in lower case (the bundle's {@code source.words}),
     * so that it is no name even at the start of a sentence; true for every word where the bundle has no list.
     * A name of the project's list ({@link ProjectNames}: "Lucía", "Clara") is never common.
     */
    public boolean isCommonWord(String word) {
        return (bundle.sourceWords().isEmpty() || bundle.sourceWords().contains(word)) && !ProjectNames.contains(word);
    }

    /**
     * True when the bundle's {@code source.words} holds the word as written, with its capital: a noun
     * of a language that capitalises them ("Zimmer"), seen often in training, so no name anywhere in a sentence.
     */
    public boolean isNoun(String word) {
        return bundle.sourceWords().isNoun(word);
    }

    /** True when the model takes the whole text as one source, without cutting it. */
    public boolean fitsWhole(String text) {
        return sourcePieces(text) <= bundle.config().maxSourceTokens() - 1;
    }

    /** The source pieces of a text, without the end token: what {@link #fitsWhole} compares with the limit. */
    public int sourcePieces(String text) {
        return bundle.sourceTokenizer().encode(text).length;
    }

    /** Decodes every text; returns per text its hypotheses, best first. */
    public List<List<Generation>> generate(List<String> texts, DecodingOptions options) {
        if (texts.isEmpty()) {
            return List.of();
        }
        int[][] sources = texts.stream().map(this::sourceIds).toArray(int[][]::new);
        BundleConfig.Decoding defaults = bundle.config().decoding();
        BundleConfig.Rerank rerank = defaults == null ? null : defaults.rerank();
        boolean reranked = rerank != null && options.strategy() == DecodingOptions.Strategy.SAMPLING;
        if (reranked && rerank.onlyMemory()) {   // the replies come from the memory alone: no search to run
            List<List<Generation>> remembered = remembered(texts, sources, rerank, options.nBest());
            if (remembered != null) {
                return remembered;
            }
        }
        DecoderStep step = withoutInventedDigits(bundle.start(sources), texts);
        List<List<Hypothesis>> found = options.searchStrategy().search(step, options, lengthLimits(sources, options));
        List<List<Generation>> out = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            List<Generation> generations = generations(found.get(i));
            if (reranked) {   // the model chooses among candidates
                generations = Rerank.rank(bundle, sources[i], texts.get(i), generations, rerank).subList(0, options.nBest());
            } else if (options.samples() > 1) {   // several samples of one source: keep their consensus
                generations = Consensus.rank(generations, Generation::text).subList(0, options.nBest());
            }
            out.add(generations);
        }
        return out;
    }

    /**
     * A translator whose numbers travel as placeholders never writes a digit for a source without
     * one: each such source's rows may not write a target piece holding a digit, so no output can
     * hold a number the input lacks. A source may still get digits where it has some of its own (its
     * spans did not all fit in placeholders) or writes a number or a time in words ("hasta las dos y
     * media" -> "until 2:30", {@link NumberWords}). Other bundles decode unrestricted.
     */
    private DecoderStep withoutInventedDigits(DecoderStep step, List<String> texts) {
        if (digitPieces.isEmpty()) {
            return step;
        }
        String language = bundle.config().sourceLanguage();
        BitSet[] banned = new BitSet[texts.size()];
        boolean any = false;
        for (int i = 0; i < banned.length; i++) {
            String text = texts.get(i);
            if (text.codePoints().noneMatch(Character::isDigit) && !NumberWords.spellsANumber(text, language)) {
                banned[i] = digitPieces;
                any = true;
            }
        }
        return any ? new BannedTokens(step, banned) : step;
    }

    /** Each output's length cap, from its own source alone, so that it does not depend on what else shares the batch. */
    private int[] lengthLimits(int[][] sources, DecodingOptions options) {
        BundleConfig.Decoding defaults = bundle.config().decoding();
        double ratio = defaults == null ? 2.0 : defaults.maxLengthRatio();
        Integer fixedCap = defaults == null ? null : defaults.maxTokens();
        int[] limits = new int[sources.length];
        for (int i = 0; i < sources.length; i++) {
            long cap = fixedCap != null ? fixedCap : (long) Math.ceil(ratio * sources[i].length) + 10;
            limits[i] = (int) Math.min(options.maxLength(), cap);
        }
        return limits;
    }

    /** Each text's replies from the reply memory alone, or null when the memory has none for some text. */
    private List<List<Generation>> remembered(List<String> texts, int[][] sources, BundleConfig.Rerank rerank, int nBest) {
        List<List<Generation>> chosen = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            List<Generation> ranked = Rerank.rank(bundle, sources[i], texts.get(i), List.of(), rerank);
            if (ranked.isEmpty()) {   // nothing in the memory resembles this text: the model writes the replies
                return null;
            }
            chosen.add(ranked.subList(0, nBest));
        }
        return chosen;
    }

    /** A search's hypotheses for one source as texts. */
    private List<Generation> generations(List<Hypothesis> hypotheses) {
        var target = bundle.targetTokenizer();
        List<Generation> generations = new ArrayList<>(hypotheses.size());
        for (Hypothesis h : hypotheses) {
            generations.add(new Generation(target.decode(h.tokens()), h.tokens(), h.logProb(), h.score(), h.scoredTokens()));
        }
        return generations;
    }

    /**
     * Replays an output of this model for a source text (its tokens, as {@link Generation#tokens}
     * gives them) and records attention and gates at every step. An ensemble is inspected through
     * its first network, fed the output that the ensemble chose.
     */
    public Inspection inspect(String text, int[] outputTokens) {
        int[] source = sourceIds(text);
        var sourceVocabulary = bundle.sourceTokenizer().vocabulary();
        var targetVocabulary = bundle.targetTokenizer().vocabulary();
        DecoderTrace trace = bundle.network().trace(source, outputTokens, targetVocabulary.bos(), targetVocabulary.eos());
        List<String> sourcePieces = Arrays.stream(source).mapToObj(sourceVocabulary::piece).toList();
        List<String> targetPieces = new ArrayList<>(outputTokens.length + 1);
        Arrays.stream(outputTokens).mapToObj(targetVocabulary::piece).forEach(targetPieces::add);
        targetPieces.add(targetVocabulary.piece(targetVocabulary.eos()));
        return new Inspection(sourcePieces, List.copyOf(targetPieces), trace);
    }

    /** The bundle's own default decoding (beam search for translation, sampling for chat). */
    public DecodingOptions defaultOptions() {
        return bundle.config().decodingOptions();
    }
}

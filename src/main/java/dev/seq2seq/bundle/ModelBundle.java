package dev.seq2seq.bundle;

import dev.seq2seq.decoder.EncoderDecoder;
import dev.seq2seq.search.DecoderStep;
import dev.seq2seq.search.EnsembleStep;
import dev.seq2seq.search.SideBySide;
import dev.seq2seq.spans.WordList;
import dev.seq2seq.text.Tokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A loaded model directory: its card ({@code config.json}), its networks and the source and target
 * tokenizers. A bundle may hold an ensemble: further weights files ({@code ensemble} in
 * {@code config.json}) of networks over the same vocabularies, which then decode together
 * ({@link #start}). An optional {@code source.words} lists the words the source language writes in
 * lower case ({@link WordList}), to tell names from words. {@link BundleReader} loads and validates
 * a directory; {@link BundleWriter} writes one.
 */
public final class ModelBundle {
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "weights.zip";
    public static final String SOURCE_PREFIX = "source";
    public static final String TARGET_PREFIX = "target";
    public static final String WORDS_SUFFIX = ".words";

    private final Path directory;
    private final BundleConfig config;
    private final Tokenizer sourceTokenizer;
    private final Tokenizer targetTokenizer;
    private final List<EncoderDecoder> networks;
    private final ReplyMemory replyMemory;
    private final WordList sourceWords;

    public ModelBundle(Path directory, BundleConfig config, Tokenizer sourceTokenizer, Tokenizer targetTokenizer,
                       List<EncoderDecoder> networks) {
        this(directory, config, sourceTokenizer, targetTokenizer, networks, null);
    }

    public ModelBundle(Path directory, BundleConfig config, Tokenizer sourceTokenizer, Tokenizer targetTokenizer,
                       List<EncoderDecoder> networks, ReplyMemory replyMemory) {
        this(directory, config, sourceTokenizer, targetTokenizer, networks, replyMemory, WordList.EMPTY);
    }

    public ModelBundle(Path directory, BundleConfig config, Tokenizer sourceTokenizer, Tokenizer targetTokenizer,
                       List<EncoderDecoder> networks, ReplyMemory replyMemory, WordList sourceWords) {
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("a bundle needs a network");
        }
        this.directory = directory;
        this.config = config;
        this.sourceTokenizer = sourceTokenizer;
        this.targetTokenizer = targetTokenizer;
        this.networks = List.copyOf(networks);
        this.replyMemory = replyMemory;
        this.sourceWords = sourceWords;
    }

    public Path directory() { return directory; }
    public BundleConfig config() { return config; }
    public Tokenizer sourceTokenizer() { return sourceTokenizer; }
    public Tokenizer targetTokenizer() { return targetTokenizer; }
    /** The words the source language writes in lower case; empty where the bundle has no {@code source.words}. */
    public WordList sourceWords() { return sourceWords; }

    /** The bundle's own network (the first of an ensemble). */
    public EncoderDecoder network() { return networks.get(0); }

    /** The reply memory of a chat bundle whose replies are reranked ({@code decoding.rerank}), or null. */
    public ReplyMemory replyMemory() { return replyMemory; }

    /** Every network: one, or the members of an ensemble, the bundle's own first. */
    public List<EncoderDecoder> networks() { return networks; }

    /** Trained parameters of all the networks together. */
    public long parameterCount() {
        return networks.stream().mapToLong(EncoderDecoder::parameterCount).sum();
    }

    /**
     * Encodes a batch of sources (token ids, each ending in EOS) and returns the decoder step bound
     * to them: the network's own, or for an ensemble one that averages the members' distributions.
     */
    public DecoderStep start(int[][] sources) {
        int bos = targetTokenizer.vocabulary().bos();
        int eos = targetTokenizer.vocabulary().eos();
        if (networks.size() == 1) {
            return networks.get(0).start(sources, bos, eos);
        }
        return new EnsembleStep(SideBySide.map(networks, n -> n.start(sources, bos, eos), sources.length <= SideBySide.SMALL_ROWS));
    }

    /** The weights file of a bundle: {@code config.weights()}, or {@value #WEIGHTS} where the card names none. */
    public static Path weightsFile(Path directory, BundleConfig config) {
        return directory.resolve(config.weights() == null ? WEIGHTS : config.weights());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s %s->%s)", config.name(), config.task(), config.sourceLanguage(), config.targetLanguage());
    }
}

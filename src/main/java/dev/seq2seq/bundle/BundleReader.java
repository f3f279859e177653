package dev.seq2seq.bundle;

import dev.seq2seq.decoder.EncoderDecoder;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.nn.GraphFiles;
import dev.seq2seq.request.InvalidInputException;
import dev.seq2seq.search.DecodingOptions;
import dev.seq2seq.spans.WordList;
import dev.seq2seq.text.BpeTokenizer;
import dev.seq2seq.text.MorphemeTokenizer;
import dev.seq2seq.text.Tokenizer;
import dev.seq2seq.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.graph.ComputationGraph;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a model directory into a {@link ModelBundle}: {@code config.json}, the weights (a DL4J
 * graph saved without updater state), the source and target tokenizer files, and the optional
 * reply memory and {@code source.words}. It validates all of it; every error is a
 * {@link ModelBundleException} that names the file and the problem.
 */
public final class BundleReader {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BundleReader() {}

    /** Loads and validates a bundle directory. */
    public static ModelBundle load(Path directory) {
        BundleConfig config = readConfig(directory);
        Tokenizer source = loadTokenizer(directory, config.tokenizer().sourcePrefix(), config, config.architecture().sourceVocabularySize());
        if (BundleConfig.TokenizerFiles.NORI.equals(config.tokenizer().sourceSegmenter())) {
            source = new MorphemeTokenizer(source);
        }
        Tokenizer target = loadTokenizer(directory, config.tokenizer().targetPrefix(), config, config.architecture().targetVocabularySize());
        List<EncoderDecoder> networks = new ArrayList<>();
        for (BundleConfig.Member member : config.members()) {
            networks.add(loadNetwork(directory.resolve(member.weights()), member.architecture()));
        }
        BundleConfig.Rerank rerank = config.decoding() == null ? null : config.decoding().rerank();
        ReplyMemory memory = rerank == null ? null : ReplyMemory.read(directory.resolve(rerank.memory()));
        return new ModelBundle(directory, config, source, target, networks, memory, readSourceWords(directory, config));
    }

    /** Reads and validates a bundle's {@code config.json}. */
    public static BundleConfig readConfig(Path directory) {
        Path file = directory.resolve(ModelBundle.CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new ModelBundleException(file, "missing (every model directory needs a config.json)");
        }
        BundleConfig config;
        try {
            config = JSON.readValue(file.toFile(), BundleConfig.class);
        } catch (JacksonException e) {
            throw new ModelBundleException(file, "invalid: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelBundleException(file, "invalid: " + e.getMessage(), e);
        }
        validate(file, config);
        return config;
    }

    private static void validate(Path file, BundleConfig c) {
        if (c == null) {
            throw new ModelBundleException(file, "empty");
        }
        checkIdentity(file, c);
        checkShape(file, c);
        checkDecoding(file, c);
    }

    /** Format, task and languages. */
    private static void checkIdentity(Path file, BundleConfig c) {
        if (c.format() != BundleConfig.FORMAT) {
            throw new ModelBundleException(file, "format " + c.format() + " is not supported (expected " + BundleConfig.FORMAT + ")");
        }
        if (!BundleConfig.TRANSLATE.equals(c.task()) && !BundleConfig.CHAT.equals(c.task())) {
            throw new ModelBundleException(file, "task must be 'translate' or 'chat', not '" + c.task() + "'");
        }
        for (String language : new String[] {c.sourceLanguage(), c.targetLanguage()}) {
            if (language == null || !LANGUAGE.matcher(language).matches()) {
                throw new ModelBundleException(file, "language '" + language + "' is not an ISO 639-1 code");
            }
        }
        if (c.quality() != null && !(BundleConfig.TRANSLATE.equals(c.task())
                && (BundleConfig.FAST.equals(c.quality()) || BundleConfig.BEST.equals(c.quality())))) {
            throw new ModelBundleException(file, "quality must be 'fast' or 'best' on a translation bundle, not '" + c.quality() + "'");
        }
    }

    /** Architecture, tokenizer, special tokens, ensemble members and the source limit. */
    private static void checkShape(Path file, BundleConfig c) {
        if (c.architecture() == null) {
            throw new ModelBundleException(file, "architecture is missing");
        }
        if (c.tokenizer() == null || !"bpe".equals(c.tokenizer().type())) {
            throw new ModelBundleException(file, "tokenizer.type must be 'bpe'");
        }
        if (c.tokenizer().sourceSegmenter() != null && !BundleConfig.TokenizerFiles.NORI.equals(c.tokenizer().sourceSegmenter())) {
            throw new ModelBundleException(file, "tokenizer.sourceSegmenter must be 'nori' or absent, not '" + c.tokenizer().sourceSegmenter() + "'");
        }
        if (c.specialTokens() == null) {
            throw new ModelBundleException(file, "specialTokens is missing");
        }
        for (BundleConfig.Member m : c.ensemble() == null ? List.<BundleConfig.Member>of() : c.ensemble()) {
            if (m == null || m.weights() == null || m.architecture() == null) {
                throw new ModelBundleException(file, "each ensemble member needs weights and an architecture");
            }
            Architecture a = m.architecture();
            if (a.sourceVocabularySize() != c.architecture().sourceVocabularySize()
                    || a.targetVocabularySize() != c.architecture().targetVocabularySize()) {
                throw new ModelBundleException(file, "ensemble member " + m.weights()
                        + " has other vocabulary sizes than the bundle's architecture (members share its vocabularies)");
            }
        }
        if (c.maxSourceTokens() < 1) {
            throw new ModelBundleException(file, "maxSourceTokens must be positive");
        }
    }

    /** The default decoding: its length cap, its reranking, and that a request could ask for it. */
    private static void checkDecoding(Path file, BundleConfig c) {
        if (c.decoding() != null && c.decoding().maxTokens() != null
                && (c.decoding().maxTokens() < 1 || c.decoding().maxTokens() > DecodingOptions.MAX_LENGTH)) {
            throw new ModelBundleException(file, "decoding.maxTokens must be between 1 and " + DecodingOptions.MAX_LENGTH
                    + ", not " + c.decoding().maxTokens());
        }
        BundleConfig.Rerank rerank = c.decoding() == null ? null : c.decoding().rerank();
        if (rerank != null) {
            checkRerank(file, c, rerank);
        }
        try {
            c.decodingOptions();   // the default decoding must be one a request could ask for
        } catch (InvalidInputException e) {
            throw new ModelBundleException(file, "decoding." + e.getMessage());
        }
    }

    private static void checkRerank(Path file, BundleConfig c, BundleConfig.Rerank rerank) {
        if (!BundleConfig.CHAT.equals(c.task()) || !"sampling".equals(c.decoding().strategy())) {
            throw new ModelBundleException(file, "decoding.rerank is for chat bundles that sample");
        }
        if (rerank.memory() == null || rerank.memory().isBlank() || Path.of(rerank.memory()).isAbsolute()
                || rerank.memory().contains("..")) {
            throw new ModelBundleException(file, "decoding.rerank.memory must name a file in the bundle");
        }
        if (rerank.neighbours() < 1 || rerank.neighbours() > 64) {
            throw new ModelBundleException(file, "decoding.rerank.neighbours must be between 1 and 64, not " + rerank.neighbours());
        }
        if (!(rerank.antiLanguageModel() >= 0 && rerank.antiLanguageModel() < 1)) {
            throw new ModelBundleException(file, "decoding.rerank.antiLanguageModel must be in [0, 1), not " + rerank.antiLanguageModel());
        }
        if (!(rerank.similarityWeight() >= 0 && rerank.similarityWeight() <= 100)) {
            throw new ModelBundleException(file, "decoding.rerank.similarity must be in [0, 100], not " + rerank.similarity());
        }
    }

    private static WordList readSourceWords(Path directory, BundleConfig config) {
        Path words = directory.resolve(config.tokenizer().sourcePrefix() + ModelBundle.WORDS_SUFFIX);
        try {
            return Files.isRegularFile(words) ? WordList.read(words, config.sourceLanguage()) : WordList.EMPTY;
        } catch (IOException e) {
            throw new ModelBundleException(words, e.getMessage(), e);
        }
    }

    private static EncoderDecoder loadNetwork(Path weights, Architecture architecture) {
        ComputationGraph graph = readWeights(weights);
        try {
            return new EncoderDecoder(architecture, graph);
        } catch (RuntimeException e) {
            throw new ModelBundleException(weights, "weights do not match the architecture in config.json: " + e.getMessage(), e);
        }
    }

    /** A weights file of a bundle as a graph (without updater state); a {@link ModelBundleException} names a missing or unreadable file. */
    public static ComputationGraph readWeights(Path weights) {
        if (!Files.isRegularFile(weights)) {
            throw new ModelBundleException(weights, "weights file is missing");
        }
        try {
            return GraphFiles.read(weights.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new ModelBundleException(weights, "cannot read the weights: " + e.getMessage(), e);
        }
    }

    /**
     * A tokenizer of a bundle, checked against the card: its size and special tokens; a
     * {@link ModelBundleException} names the file and the problem.
     */
    public static BpeTokenizer loadTokenizer(Path dir, String prefix, BundleConfig config, int expectedSize) {
        BpeTokenizer tokenizer;
        try {
            tokenizer = BpeTokenizer.load(dir, prefix);
        } catch (IOException e) {
            throw new ModelBundleException(dir.resolve(prefix + ".vocab"), e.getMessage(), e);
        }
        Vocabulary v = tokenizer.vocabulary();
        Path file = dir.resolve(prefix + ".vocab");
        if (v.size() != expectedSize) {
            throw new ModelBundleException(file, "has " + v.size() + " pieces but config.json says " + expectedSize);
        }
        BundleConfig.SpecialTokens s = config.specialTokens();
        if (!v.piece(v.pad()).equals(s.pad()) || !v.piece(v.unk()).equals(s.unk())
                || !v.piece(v.bos()).equals(s.bos()) || !v.piece(v.eos()).equals(s.eos())) {
            throw new ModelBundleException(file, "special tokens differ from config.json's specialTokens");
        }
        return tokenizer;
    }
}

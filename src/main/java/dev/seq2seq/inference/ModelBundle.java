package dev.seq2seq.inference;

import dev.seq2seq.text.BpeTokenizer;
import dev.seq2seq.text.MorphemeTokenizer;
import dev.seq2seq.text.Tokenizer;
import dev.seq2seq.text.Vocabulary;
import dev.seq2seq.text.WordList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model directory: {@code config.json}, the weights (a DL4J graph saved without updater state)
 * and the source and target tokenizer files. {@link #load} validates all of it. A bundle may hold
 * an ensemble: further weights files ({@code ensemble} in {@code config.json}) of networks over the
 * same vocabularies, which then decode together ({@link #start}). An optional {@code source.words}
 * lists the words the source language writes in lower case ({@link WordList}), to tell names from words.
 */
public final class ModelBundle {
    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "weights.zip";
    public static final String SOURCE_PREFIX = "source";
    public static final String TARGET_PREFIX = "target";
    public static final String WORDS_SUFFIX = ".words";
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

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
        return new EnsembleStep(networks.stream().map(n -> n.start(sources, bos, eos)).toList());
    }

    public static BundleConfig readConfig(Path directory) {
        Path file = directory.resolve(CONFIG);
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
        if (c.ensemble() != null) {
            for (BundleConfig.Member m : c.ensemble()) {
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
        }
        if (c.maxSourceTokens() < 1) {
            throw new ModelBundleException(file, "maxSourceTokens must be positive");
        }
        if (c.decoding() != null && c.decoding().maxTokens() != null
                && (c.decoding().maxTokens() < 1 || c.decoding().maxTokens() > DecodingOptions.MAX_LENGTH)) {
            throw new ModelBundleException(file, "decoding.maxTokens must be between 1 and " + DecodingOptions.MAX_LENGTH
                    + ", not " + c.decoding().maxTokens());
        }
        BundleConfig.Rerank rerank = c.decoding() == null ? null : c.decoding().rerank();
        if (rerank != null) {
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
        try {
            DecodingOptions.of(c.decoding());   // the default decoding must be one a request could ask for
        } catch (InvalidInputException e) {
            throw new ModelBundleException(file, "decoding." + e.getMessage());
        }
    }

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
        Path words = directory.resolve(config.tokenizer().sourcePrefix() + WORDS_SUFFIX);
        WordList sourceWords;
        try {
            sourceWords = Files.isRegularFile(words) ? WordList.read(words) : WordList.EMPTY;
        } catch (IOException e) {
            throw new ModelBundleException(words, e.getMessage(), e);
        }
        return new ModelBundle(directory, config, source, target, networks, memory, sourceWords);
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
            return ModelSerializer.restoreComputationGraph(weights.toFile(), false);
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

    /** Writes config.json, the weights without updater state and both tokenizers into a directory. */
    public static void save(Path directory, BundleConfig config, ComputationGraph graph,
                            BpeTokenizer source, BpeTokenizer target) throws IOException {
        Files.createDirectories(directory);
        source.save(directory, config.tokenizer().sourcePrefix());
        target.save(directory, config.tokenizer().targetPrefix());
        Path weights = weightsFile(directory, config);
        Path tmp = weights.resolveSibling(weights.getFileName() + ".tmp");
        ModelSerializer.writeModel(graph, tmp.toFile(), false);
        Files.move(tmp, weights, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        writeConfig(directory, config);
    }

    /** Copies a bundle's {@code source.words} (where it has one) into another bundle directory. */
    public static void copySourceWords(Path from, Path to) throws IOException {
        Path words = from.resolve(SOURCE_PREFIX + WORDS_SUFFIX);
        if (Files.isRegularFile(words)) {
            Files.copy(words, to.resolve(SOURCE_PREFIX + WORDS_SUFFIX), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The weights file of a bundle: {@code config.weights()}, or {@value #WEIGHTS} where the card names none. */
    public static Path weightsFile(Path directory, BundleConfig config) {
        return directory.resolve(config.weights() == null ? WEIGHTS : config.weights());
    }

    /** Writes config.json through a temporary file, so a process stopped mid-write leaves the old card. */
    public static void writeConfig(Path directory, BundleConfig config) throws IOException {
        Path tmp = directory.resolve(CONFIG + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(config));
        Files.move(tmp, directory.resolve(CONFIG), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static BundleConfig.SpecialTokens specialTokens() {
        return new BundleConfig.SpecialTokens(Vocabulary.PAD, Vocabulary.UNK, Vocabulary.BOS, Vocabulary.EOS);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s %s->%s)", config.name(), config.task(), config.sourceLanguage(), config.targetLanguage());
    }
}

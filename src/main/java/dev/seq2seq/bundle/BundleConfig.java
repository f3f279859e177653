package dev.seq2seq.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.seq2seq.request.InvalidInputException;
import dev.seq2seq.nn.Architecture;
import dev.seq2seq.search.DecodingOptions;
import dev.seq2seq.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code config.json} of a model bundle: what the model is (task, languages, architecture,
 * tokenizer files, special tokens) and its card (data and licence, training, dev scores).
 */
public record BundleConfig(
        int format,
        String name,
        String task,
        String sourceLanguage,
        String targetLanguage,
        Architecture architecture,
        SpecialTokens specialTokens,
        TokenizerFiles tokenizer,
        String weights,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Member> ensemble,
        int maxSourceTokens,
        boolean usesConversationHistory,
        Decoding decoding,
        Data data,
        Training training,
        Map<String, Object> scores,
        @JsonInclude(JsonInclude.Include.NON_NULL) String quality) {

    public static final int FORMAT = 1;
    public static final String TRANSLATE = "translate";
    public static final String CHAT = "chat";
    /**
     * {@code quality} of a translation bundle that shares its language pair with another: the faster
     * one ("fast": a distilled student, say) or the better one ("best": the ensemble it learnt from).
     * A request picks one with its {@code quality}; absent, the service's default. Absent in the card:
     * the pair's only bundle.
     */
    public static final String FAST = "fast";
    public static final String BEST = "best";

    /** A card without a {@code quality}: the only bundle of its language pair. */
    public BundleConfig(int format, String name, String task, String sourceLanguage, String targetLanguage,
                        Architecture architecture, SpecialTokens specialTokens, TokenizerFiles tokenizer, String weights,
                        List<Member> ensemble, int maxSourceTokens, boolean usesConversationHistory, Decoding decoding,
                        Data data, Training training, Map<String, Object> scores) {
        this(format, name, task, sourceLanguage, targetLanguage, architecture, specialTokens, tokenizer, weights, ensemble,
                maxSourceTokens, usesConversationHistory, decoding, data, training, scores, null);
    }

    /** This card with another training summary. */
    public BundleConfig withTraining(Training newTraining) {
        return new BundleConfig(format, name, task, sourceLanguage, targetLanguage, architecture, specialTokens,
                tokenizer, weights, ensemble, maxSourceTokens, usesConversationHistory, decoding, data, newTraining, scores, quality);
    }

    /** This card with other dev scores. */
    public BundleConfig withScores(Map<String, Object> newScores) {
        return new BundleConfig(format, name, task, sourceLanguage, targetLanguage, architecture, specialTokens,
                tokenizer, weights, ensemble, maxSourceTokens, usesConversationHistory, decoding, data, training, newScores, quality);
    }

    /** This card with further models decoding beside its own (an ensemble), or none. */
    public BundleConfig withEnsemble(List<Member> newEnsemble) {
        return new BundleConfig(format, name, task, sourceLanguage, targetLanguage, architecture, specialTokens,
                tokenizer, weights, newEnsemble, maxSourceTokens, usesConversationHistory, decoding, data, training, scores, quality);
    }

    /**
     * The bundle's default decoding ({@code decoding}; greedy when absent), validated like a
     * request's: an invalid setting throws {@link InvalidInputException} naming it.
     */
    public DecodingOptions decodingOptions() {
        if (decoding == null) {
            return DecodingOptions.greedy(DecodingOptions.MAX_LENGTH);
        }
        DecodingOptions options = switch (String.valueOf(decoding.strategy())) {
            case "beam" -> DecodingOptions.beam(decoding.beamSize(), 1, decoding.lengthPenalty(), DecodingOptions.MAX_LENGTH);
            case "sampling" -> DecodingOptions.sampling(decoding.temperature(), decoding.topK(), decoding.topP(), null,
                    decoding.noRepeatNgram(), DecodingOptions.MAX_LENGTH);
            case "greedy" -> DecodingOptions.greedy(DecodingOptions.MAX_LENGTH);
            default -> throw new InvalidInputException("strategy", "strategy must be beam, sampling or greedy, not " + decoding.strategy());
        };
        return options.withSamples(decoding.samplesOrOne());
    }

    /**
     * Every network of the bundle: its own ({@code weights}, {@code architecture}) first, then the
     * {@code ensemble} members, which share its vocabularies.
     */
    public List<Member> members() {
        List<Member> all = new ArrayList<>();
        all.add(new Member(weights == null ? ModelBundle.WEIGHTS : weights, architecture));
        if (ensemble != null) {
            all.addAll(ensemble);
        }
        return all;
    }

    /** One network of an ensemble: its weights file (relative to the bundle) and its shape. */
    public record Member(String weights, Architecture architecture) {}

    /** Names of the special tokens in the vocabularies. */
    public record SpecialTokens(String pad, String unk, String bos, String eos) {
        /** The special pieces every vocabulary of this project has ({@link Vocabulary}). */
        public static SpecialTokens standard() {
            return new SpecialTokens(Vocabulary.PAD, Vocabulary.UNK, Vocabulary.BOS, Vocabulary.EOS);
        }
    }

    /**
     * Tokenizer type and the files, relative to the bundle directory, holding it; {@code sourceSegmenter}
     * "nori" (or absent: none) cuts each source into Korean morphemes before its pieces are found
     * ({@link dev.seq2seq.text.KoreanMorphemes}), as the model was trained.
     */
    public record TokenizerFiles(String type, String sourcePrefix, String targetPrefix,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String sourceSegmenter) {

        public static final String NORI = "nori";

        public TokenizerFiles(String type, String sourcePrefix, String targetPrefix) {
            this(type, sourcePrefix, targetPrefix, null);
        }
    }

    /**
     * Default decoding of the bundle; {@code samples} (sampling only; absent means 1) is how
     * many candidates are drawn per source for consensus decoding ({@link DecodingOptions#samples()}).
     * An output's length cap is {@code maxLengthRatio} times its source's tokens plus 10, which
     * suits translation; {@code maxTokens}, where present, caps every output at that many tokens
     * (end of sentence included) whatever its source's length instead: a chat reply's length does
     * not follow the message's, so chat bundles give the longest reply they were trained on.
     */
    public record Decoding(String strategy, int beamSize, double lengthPenalty, double temperature, int topK,
                           double topP, int noRepeatNgram, double maxLengthRatio,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer samples,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxTokens,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Rerank rerank) {

        /** The candidates drawn per source: {@code samples}, or 1 when the card leaves it out. */
        public int samplesOrOne() {
            return samples == null ? 1 : samples;
        }
    }

    /**
     * Chat replies chosen by the model among candidates ({@link Rerank}): the sampled replies and
     * the replies that {@code memory} (a TSV of message TAB reply in the bundle) gives to the
     * {@code neighbours} messages most like the user's ({@code memoryOnly}: those alone, the samples
     * left out); each is scored by its log-probability given the message minus
     * {@code antiLanguageModel} times its log-probability given an empty message, per token
     * (maximum mutual information, Li et al. 2016).
     */
    public record Rerank(String memory, int neighbours, double antiLanguageModel,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Boolean memoryOnly,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double similarity) {

        public Rerank(String memory, int neighbours, double antiLanguageModel) {
            this(memory, neighbours, antiLanguageModel, null, null);
        }

        public Rerank(String memory, int neighbours, double antiLanguageModel, Boolean memoryOnly) {
            this(memory, neighbours, antiLanguageModel, memoryOnly, null);
        }

        /** The weight of a remembered reply's message similarity in its score ({@code similarity}; absent: 0). */
        public double similarityWeight() {
            return similarity == null ? 0 : similarity;
        }

        /** True when only the memory's replies are candidates ({@code memoryOnly}; absent: false). */
        public boolean onlyMemory() {
            return Boolean.TRUE.equals(memoryOnly);
        }
    }

    /** Training data and its terms. */
    public record Data(String name, String licence, String attribution, String trainFile, String devFile,
                       int sourceColumn, int targetColumn, long trainPairs) {}

    /** How the model was trained. */
    public record Training(Map<String, Object> hyperparameters, int epochs, int bestEpoch, double seconds,
                           double targetTokensPerSecond, String command) {}
}

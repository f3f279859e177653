package dev.seq2seq;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's settings, under {@code seq2seq.*} (environment: {@code SEQ2SEQ_MODELS_DIR} and so on).
 *
 * @param modelsDir         directory of model bundles, relative to the working directory
 * @param languageProfiles  the language identifier's profiles; default {@code <modelsDir>/langid.tsv}
 * @param store             where conversations and rate-limit buckets live: {@code memory} (this process;
 *                          the default) or {@code redis} (shared by replicas; {@code spring.data.redis.*}
 *                          says which Redis)
 * @param defaultQuality    the bundle a translation request without {@code quality} gets where its pair has
 *                          two: {@code best} (the default) or {@code fast}
 */
@ConfigurationProperties("seq2seq")
public record ServiceProperties(@DefaultValue("models") Path modelsDir, Path languageProfiles,
                                @DefaultValue Limits limits, @DefaultValue Chat chat, @DefaultValue Batching batching,
                                @DefaultValue Auth auth, @DefaultValue("memory") String store,
                                @DefaultValue("best") String defaultQuality) {
    public static final String MEMORY = "memory";
    public static final String REDIS = "redis";

    public ServiceProperties {
        if (!MEMORY.equals(store) && !REDIS.equals(store)) {
            throw new IllegalArgumentException("seq2seq.store must be memory or redis, not " + store);
        }
        if (!"fast".equals(defaultQuality) && !"best".equals(defaultQuality)) {
            throw new IllegalArgumentException("seq2seq.default-quality must be fast or best, not " + defaultQuality);
        }
    }

    /**
     * @param mode  {@code off} (keys are not checked), {@code optional} (a request may come without a
     *              key; one with a key needs a valid one) or {@code required}
     * @param store the API key store the {@code keys} command writes (the same {@code --seq2seq.auth.store})
     * @param anonymous limits per client address for requests without a key (0: none)
     * @param trustForwardedFor take the client address from {@code X-Forwarded-For} (behind a proxy you run)
     */
    public record Auth(@DefaultValue("off") String mode, @DefaultValue("data/keys.json") Path store,
                       @DefaultValue Anonymous anonymous, @DefaultValue("false") boolean trustForwardedFor) {
        public Auth {
            if (!java.util.Set.of("off", "optional", "required").contains(mode)) {
                throw new IllegalArgumentException("seq2seq.auth.mode must be off, optional or required, not " + mode);
            }
        }
    }

    /** Requests and characters per minute per address of the clients without a key (0: no limit). */
    public record Anonymous(@DefaultValue("0") int requestsPerMinute, @DefaultValue("0") int charactersPerMinute) {}

    /**
     * @param maxCharacters  characters per text (each {@code q}, each chat message)
     * @param maxTexts       texts per {@code /translate} request
     * @param maxRequestSize request body size
     * @param maxRequestCharacters characters of all the texts of one request together
     * @param maxBeamSize    the largest {@code beamSize} a request may ask for
     * @param maxAlternatives the most {@code alternatives} a request may ask for
     * @param maxSamples     the most chat {@code samples} a message may ask for
     */
    public record Limits(@DefaultValue("5000") int maxCharacters, @DefaultValue("50") int maxTexts,
                         @DefaultValue("2MB") DataSize maxRequestSize, @DefaultValue("20000") int maxRequestCharacters,
                         @DefaultValue("8") int maxBeamSize, @DefaultValue("5") int maxAlternatives,
                         @DefaultValue("16") int maxSamples) {
        public Limits {
            atLeastOne("seq2seq.limits.max-characters", maxCharacters);
            atLeastOne("seq2seq.limits.max-texts", maxTexts);
            atLeastOne("seq2seq.limits.max-request-characters", maxRequestCharacters);
            atLeastOne("seq2seq.limits.max-beam-size", maxBeamSize);
            atLeastOne("seq2seq.limits.max-alternatives", maxAlternatives + 1L);
            atLeastOne("seq2seq.limits.max-samples", maxSamples);
        }

        /** The limits the services check each request against. */
        public dev.seq2seq.request.WorkLimits work() {
            return new dev.seq2seq.request.WorkLimits(maxCharacters, maxTexts, maxRequestCharacters, maxBeamSize,
                    maxAlternatives, maxSamples);
        }
    }

    /**
     * @param maxStoredCharacters characters all kept conversations may hold (plus 100 per conversation);
     *                            the least recently used go first
     * @param idleTimeout      a conversation is forgotten after this long without a message
     * @param maxTurnsKept     turns kept per conversation (the oldest go first)
     */
    public record Chat(@DefaultValue("20000000") long maxStoredCharacters, @DefaultValue("30m") Duration idleTimeout,
                       @DefaultValue("50") int maxTurnsKept) {
        public Chat {
            atLeastOne("seq2seq.chat.max-turns-kept", maxTurnsKept);
        }
    }

    /**
     * @param maxBatch      texts decoded together at most
     * @param maxDelay      how long the first request of a batch waits for others
     * @param queueCapacity requests waiting per model before new ones get 503
     * @param timeout       a request still waiting after this long gets 503
     * @param maxBatchTime  a batch holds no more texts than the measured decoding rate finishes in
     *                      about this long (0: no such bound), so a request that comes while a large
     *                      one is decoded waits at most about this long for the batch in progress
     * @param workers       threads per model that form and decode batches from its queue; 0 (the
     *                      default) takes the number of cores the JVM sees
     */
    public record Batching(@DefaultValue("32") int maxBatch, @DefaultValue("5ms") Duration maxDelay,
                           @DefaultValue("256") int queueCapacity, @DefaultValue("30s") Duration timeout,
                           @DefaultValue("200ms") Duration maxBatchTime, @DefaultValue("0") int workers) {
        public Batching {
            atLeastOne("seq2seq.batching.max-batch", maxBatch);
            atLeastOne("seq2seq.batching.queue-capacity", queueCapacity);
            if (workers < 0) {
                throw new IllegalArgumentException("seq2seq.batching.workers must be 0 (one per core) or more, not " + workers);
            }
        }

        /** The workers per model: as configured, or one per core the JVM sees. */
        public int workersPerModel() {
            return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        }
    }

    private static void atLeastOne(String property, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(property + " must be at least 1, not " + value);
        }
    }

    public Path languageProfilesFile() {
        return languageProfiles != null ? languageProfiles : modelsDir.resolve("langid.tsv");
    }
}

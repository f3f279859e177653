package dev.seq2seq;

import dev.seq2seq.auth.BucketStore;
import dev.seq2seq.auth.InMemoryBucketStore;
import dev.seq2seq.auth.RateLimiter;
import dev.seq2seq.bundle.BundleConfig;
import dev.seq2seq.bundle.ModelBundleException;
import dev.seq2seq.chat.ChatService;
import dev.seq2seq.chat.ConversationStore;
import dev.seq2seq.chat.InMemoryConversationStore;
import dev.seq2seq.inference.ModelRepository;
import dev.seq2seq.models.ModelCatalog;
import dev.seq2seq.ngrams.LanguageIdentifier;
import dev.seq2seq.serving.Batchers;
import dev.seq2seq.translate.TranslationService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the services. Models load (and decode a warm-up sentence) while the context starts, so
 * the readiness probe turns UP only once every model can answer.
 */
@Configuration
@EnableConfigurationProperties(ServiceProperties.class)
public class ServiceConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ServiceConfiguration.class);

    @Bean
    ModelRepository modelRepository(ServiceProperties properties) {
        long start = System.nanoTime();
        ModelRepository repository = ModelRepository.load(properties.modelsDir(), log::info);
        log.info("{} models from {} ready in {} s", repository.models().size(), properties.modelsDir().toAbsolutePath(),
                String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return repository;
    }

    @Bean
    LanguageIdentifier languageIdentifier(ServiceProperties properties) {
        try {
            return LanguageIdentifier.load(properties.languageProfilesFile());
        } catch (IOException e) {
            throw new ModelBundleException(properties.languageProfilesFile(), "cannot read the language profiles: "
                    + e.getMessage() + " (build them with the langid command)", e);
        }
    }

    @Bean(destroyMethod = "close")
    Batchers batchers(ModelRepository models, ServiceProperties p, MeterRegistry registry) {
        var b = p.batching();
        Batchers batchers = new Batchers(models.models(), b.maxBatch(), b.maxDelay().toMillis(), b.maxBatchTime().toMillis(), b.queueCapacity(),
                b.workersPerModel(), b.timeout().toMillis(), new BatchMetrics(registry));
        for (var model : models.models()) {
            Gauge.builder("seq2seq.queue.depth", () -> batchers.queueDepth(model))
                    .tag("model", model.bundle().config().name()).description("requests waiting for the model")
                    .register(registry);
        }
        return batchers;
    }

    @Bean
    TranslationService translationService(ModelRepository models, LanguageIdentifier identifier, Batchers batchers,
                                          ServiceProperties p) {
        return new TranslationService(models.byTask(BundleConfig.TRANSLATE), identifier, batchers, p.limits().work(),
                p.defaultQuality());
    }

    /** Conversations in this process (seq2seq.store=memory, the default); with redis, store.RedisStoreConfiguration has them. */
    @Bean
    @ConditionalOnProperty(name = "seq2seq.store", havingValue = ServiceProperties.MEMORY, matchIfMissing = true)
    ConversationStore conversationStore(ServiceProperties p) {
        return new InMemoryConversationStore(p.chat().maxStoredCharacters(), p.chat().idleTimeout());
    }

    /** Rate-limit buckets in this process (seq2seq.store=memory, the default). */
    @Bean
    @ConditionalOnProperty(name = "seq2seq.store", havingValue = ServiceProperties.MEMORY, matchIfMissing = true)
    BucketStore bucketStore() {
        return new InMemoryBucketStore();
    }

    @Bean
    RateLimiter rateLimiter(BucketStore buckets) {
        return new RateLimiter(buckets);
    }

    @Bean
    ChatService chatService(ModelRepository models, LanguageIdentifier identifier, ConversationStore store,
                            Batchers batchers, ServiceProperties p) {
        return new ChatService(models.byTask(BundleConfig.CHAT), identifier, store, batchers,
                p.limits().work(), p.chat().maxTurnsKept());
    }

    @Bean
    ModelCatalog modelCatalog(ModelRepository models) {
        return new ModelCatalog(models);
    }
}

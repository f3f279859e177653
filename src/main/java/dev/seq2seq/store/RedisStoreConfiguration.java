package dev.seq2seq.store;

import dev.seq2seq.ServiceProperties;
import dev.seq2seq.auth.BucketStore;
import dev.seq2seq.chat.ConversationStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@code seq2seq.store=redis}: conversations and rate-limit buckets in the Redis that Spring Boot
 * connects to ({@code spring.data.redis.*}). While Redis is away, Lettuce rejects commands at once
 * instead of queueing them (a request gets its 503 without waiting for the command timeout) and
 * tries to reconnect every second at most, so a replica recovers within about a second of Redis's
 * return.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "seq2seq.store", havingValue = ServiceProperties.REDIS)
public class RedisStoreConfiguration {
    @Bean
    ConversationStore redisConversationStore(StringRedisTemplate redis, ServiceProperties p, MeterRegistry meters) {
        return new RedisConversationStore(redis, p.chat().idleTimeout(), Clock.systemUTC(), meters);
    }

    @Bean
    BucketStore redisBucketStore(RedisConnectionFactory connections, MeterRegistry meters) {
        return new RedisBucketStore(connections, meters);
    }

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return RedisStoreConfiguration::rejectCommandsWhileDisconnected;
    }

    @Bean
    ClientResourcesBuilderCustomizer reconnectEverySecondAtMost() {
        return RedisStoreConfiguration::reconnectEverySecondAtMost;
    }

    /** Fail a command at once while disconnected (Lettuce's default queues it until the command timeout). */
    public static ClientOptions.Builder rejectCommandsWhileDisconnected(ClientOptions.Builder options) {
        return options.autoReconnect(true).disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /** Reconnect attempts 50 ms apart at first, then every second (Lettuce's default backs off to 30 s). */
    public static ClientResources.Builder reconnectEverySecondAtMost(ClientResources.Builder resources) {
        return resources.reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2,
                java.util.concurrent.TimeUnit.MILLISECONDS));
    }
}

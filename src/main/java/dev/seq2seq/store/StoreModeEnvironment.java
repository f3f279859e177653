package dev.seq2seq.store;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Spring Boot's Redis support follows {@code seq2seq.store}. With {@code memory} (the default) its
 * auto-configurations are excluded, so no connection factory, health indicator or metrics binder
 * exists and nothing ever tries to reach a Redis. With {@code redis} they stay, and the readiness
 * group includes Redis's health (unless {@code management.endpoint.health.group.readiness.include}
 * is set), so a replica that cannot reach the store it needs reports not ready.
 */
public class StoreModeEnvironment implements EnvironmentPostProcessor, Ordered {
    static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");
    private static final String EXCLUDE = "spring.autoconfigure.exclude";
    private static final String READINESS = "management.endpoint.health.group.readiness.include";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> settings = new LinkedHashMap<>();
        if ("redis".equals(environment.getProperty("seq2seq.store", "memory"))) {
            if (!environment.containsProperty(READINESS)) {
                settings.put(READINESS, "readinessState,redis");
            }
        } else {
            Set<String> excluded = new LinkedHashSet<>();
            for (String name : StringUtils.commaDelimitedListToStringArray(environment.getProperty(EXCLUDE, ""))) {
                if (!name.isBlank()) {
                    excluded.add(name.strip());
                }
            }
            excluded.addAll(REDIS_AUTO_CONFIGURATIONS);
            settings.put(EXCLUDE, String.join(",", excluded));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("seq2seq-store-mode", settings));
    }

    /** After the configuration files are read (Boot's config-data post-processor runs first). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

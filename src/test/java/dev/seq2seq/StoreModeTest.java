package dev.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.seq2seq.auth.InMemoryBucketStore;
import dev.seq2seq.chat.ConversationStore;
import dev.seq2seq.chat.InMemoryConversationStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The default seq2seq.store=memory: state in the process, and no Redis bean at all, so nothing tries to reach one. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StoreModeTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    @Test
    void memoryModeHasNoRedisAndIsHealthyWithoutOne() throws Exception {
        assertThat(context.getBean(ConversationStore.class)).isInstanceOf(InMemoryConversationStore.class);
        assertThat(context.getBean(dev.seq2seq.auth.BucketStore.class)).isInstanceOf(InMemoryBucketStore.class);
        assertThat(context.getBeanNamesForType(org.springframework.data.redis.connection.RedisConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.springframework.data.redis.core.RedisTemplate.class)).isEmpty();
        assertThat(context.getBeansOfType(org.springframework.boot.health.contributor.HealthContributor.class).keySet())
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("redis"));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }
}

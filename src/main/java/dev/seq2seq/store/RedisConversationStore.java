package dev.seq2seq.store;

import dev.seq2seq.chat.Conversation;
import dev.seq2seq.chat.ConversationStore;
import dev.seq2seq.chat.ConversationStoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.UnaryOperator;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conversations in Redis, shared by every replica that uses the same Redis: one string key per
 * conversation ({@code seq2seq:conversation:ID}) holding its JSON, which expires {@code idleTimeout}
 * after the last read or write (reads use GETEX, so a read is a use, as in the in-memory store).
 *
 * <p>An update is optimistic: read the value, apply the change, then write it with a Lua script
 * that replaces the value only if it is still the one read (compare-and-set, one round trip with
 * EVALSHA); when another replica wrote in between, read and apply again. So two replicas answering
 * the same conversation at once both keep their turn, numbered one after the other.
 *
 * <p>The JSON carries a format number {@code v}. Fields added later without changing the meaning
 * of the old ones keep {@code v} (a replica that does not know them keeps them when it appends a
 * turn: it writes back the object it read with its own fields replaced); a change that older
 * replicas cannot read correctly raises {@code v}, and a replica refuses a conversation of a
 * format newer than {@link #FORMAT} with a clear message instead of misreading or overwriting it.
 */
public final class RedisConversationStore implements ConversationStore {
    /** The format this version writes, and the newest it reads. */
    public static final int FORMAT = 1;
    public static final String KEY_PREFIX = "seq2seq:conversation:";
    /** Attempts of an update before giving up (two replicas on one conversation need two at most, in practice). */
    static final int MAX_ATTEMPTS = 100;

    /** SET the key to ARGV[2] (expiring in ARGV[3] ms) if it still holds ARGV[1] ('' : absent); 1 when set. */
    private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if (current or '') ~= ARGV[1] then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """, Long.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringRedisTemplate redis;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Timer finds;
    private final Timer updates;
    private final Timer deletes;

    /** @param meters where the time each operation spends on Redis goes ({@code seq2seq.store.redis}, p50 and p99) */
    public RedisConversationStore(StringRedisTemplate redis, Duration idleTimeout, Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.finds = timer(meters, "conversation.find");
        this.updates = timer(meters, "conversation.update");
        this.deletes = timer(meters, "conversation.delete");
    }

    /** The time operations spend on Redis (round trips, and retries of contended updates), by operation. */
    static Timer timer(MeterRegistry meters, String operation) {
        return Timer.builder("seq2seq.store.redis").tag("operation", operation).publishPercentiles(0.5, 0.99)
                .description("time spent on Redis per store operation").register(meters);
    }

    @Override
    public Optional<Conversation> find(String id) {
        String json = finds.record(() -> call(() -> redis.opsForValue().getAndExpire(KEY_PREFIX + id, idleTimeout)));
        return json == null ? Optional.empty() : Optional.of(decode(id, read(id, json)));
    }

    @Override
    public Conversation update(String id, Conversation initial, UnaryOperator<Conversation> change) {
        return updates.record(() -> apply(id, initial, change)).orElseThrow();
    }

    @Override
    public Optional<Conversation> updateIfPresent(String id, UnaryOperator<Conversation> change) {
        return updates.record(() -> apply(id, null, change));
    }

    @Override
    public boolean delete(String id) {
        return Boolean.TRUE.equals(deletes.record(() -> call(() -> redis.delete(KEY_PREFIX + id))));
    }

    private Optional<Conversation> apply(String id, Conversation initial, UnaryOperator<Conversation> change) {
        String key = KEY_PREFIX + id;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String current = call(() -> redis.opsForValue().get(key));
            if (current == null && initial == null) {
                return Optional.empty();
            }
            ObjectNode read = current == null ? null : read(id, current);
            Conversation next = change.apply(read == null ? initial : decode(id, read));
            String written = encode(next, read);
            Long set = call(() -> redis.execute(COMPARE_AND_SET, List.of(key), current == null ? "" : current, written,
                    Long.toString(Math.max(1, idleTimeout.toMillis()))));
            if (set != null && set == 1) {
                return Optional.of(next);
            }
        }
        throw new ConversationStoreUnavailableException("conversation '" + id + "' is being changed by too many requests at once ("
                + MAX_ATTEMPTS + " attempts); retry in a few seconds", null);
    }

    /** The stored object, refused when it is of a newer format than this replica reads. */
    private static ObjectNode read(String id, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("conversation '" + id + "' in Redis is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalStateException("conversation '" + id + "' in Redis is not a JSON object");
        }
        int format = object.path("v").asInt(0);
        if (format > FORMAT) {
            throw new ConversationStoreUnavailableException("conversation '" + id + "' was saved in format " + format
                    + " by a newer version of the service; this replica reads formats up to " + FORMAT
                    + " and leaves it untouched (upgrade this replica, or retry: another one may serve it)", null);
        }
        if (format < 1) {
            throw new IllegalStateException("conversation '" + id + "' in Redis has no format number 'v'");
        }
        return object;
    }

    private static Conversation decode(String id, ObjectNode o) {
        List<Conversation.Turn> turns = new ArrayList<>();
        for (JsonNode t : o.path("turns")) {
            turns.add(new Conversation.Turn(t.path("n").asInt(), t.path("message").asString(), t.path("reply").asString()));
        }
        return new Conversation(o.path("id").asString(id), o.path("language").asString(), turns);
    }

    /** The conversation as JSON: the object read (fields this version does not know are kept) with ours replaced. */
    private String encode(Conversation c, ObjectNode read) {
        ObjectNode o = read == null ? JSON.createObjectNode() : read.deepCopy();
        Map<Integer, ObjectNode> oldTurns = new HashMap<>();
        if (read != null) {
            for (JsonNode t : read.path("turns")) {
                if (t instanceof ObjectNode turn) {
                    oldTurns.put(turn.path("n").asInt(), turn);
                }
            }
        }
        o.put("v", FORMAT);
        o.put("id", c.id());
        o.put("language", c.language());
        o.put("lastUsed", clock.instant().toString());
        ArrayNode turns = o.putArray("turns");
        for (Conversation.Turn t : c.turns()) {
            ObjectNode old = oldTurns.get(t.number());
            ObjectNode turn = old == null ? JSON.createObjectNode() : old.deepCopy();
            turn.put("n", t.number());
            turn.put("message", t.message());
            turn.put("reply", t.reply());
            turns.add(turn);
        }
        return JSON.writeValueAsString(o);
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException e) {
            if (RedisFailures.isUnavailable(e)) {
                throw new ConversationStoreUnavailableException("conversations are kept in Redis, which cannot be reached now; "
                        + "retry in a few seconds (translation is not affected)", e);
            }
            throw e;
        }
    }
}

package dev.seq2seq.api;

import dev.seq2seq.auth.ApiKeys;
import dev.seq2seq.auth.RateLimiter;
import dev.seq2seq.auth.RateLimitsUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys on the endpoints that run a model ({@code /translate}, {@code /detect}, {@code /chat}):
 * the key travels as {@code Authorization: Bearer KEY}, as {@code X-API-Key}, or as LibreTranslate's
 * {@code api_key} field (JSON or form). Mode {@code optional}: a request without a key passes, a
 * wrong key gets 403; {@code required}: without a key, 401 with {@code WWW-Authenticate}. Each
 * key's requests and characters per minute, and the anonymous clients' per address, are limited
 * ({@link RateLimiter}): over them, 429 with {@code Retry-After} and {@code RateLimit-*} headers;
 * while the limits' shared store cannot be reached, 503 with {@code Retry-After} (requests without
 * a limit go on).
 */
public class ApiKeyFilter extends OncePerRequestFilter {
    public enum Mode { OFF, OPTIONAL, REQUIRED }

    /** The request attribute holding the name of the key a request came with. */
    public static final String KEY_NAME = "seq2seq.apiKeyName";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Limits for requests that come without a key, per client address (0: none). */
    public record Anonymous(int requestsPerMinute, int charactersPerMinute, boolean trustForwardedFor) {}

    private final Mode mode;
    private final ApiKeys keys;
    private final RateLimiter limiter;
    private final Anonymous anonymous;
    private final MeterRegistry meters;

    public ApiKeyFilter(Mode mode, ApiKeys keys, RateLimiter limiter, Anonymous anonymous, MeterRegistry meters) {
        this.mode = mode;
        this.keys = keys;
        this.limiter = limiter;
        this.anonymous = anonymous;
        this.meters = meters;
    }

    /** Counts a request let through, by key name (never the key; "anonymous" without one). */
    private void accepted(String keyName) {
        meters.counter("seq2seq.auth.requests", "key", keyName).increment();
    }

    /** Counts a refusal, by reason and key name. */
    private void rejected(String reason, String keyName) {
        meters.counter("seq2seq.auth.rejections", "reason", reason, "key", keyName).increment();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return mode == Mode.OFF || !(path.equals("/translate") || path.equals("/explain") || path.equals("/detect") || path.equals("/chat") || path.startsWith("/chat/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest forward = request;
        String key = headerKey(request);
        int requests = 1;
        long characters = 0;
        if ("POST".equals(request.getMethod())) {
            Cached cached;
            try {
                cached = new Cached(request);
            } catch (RequestTooLargeException e) {
                Problems.write(response, request, 413, "Content Too Large", e.getMessage());
                return;
            }
            forward = cached;
            key = key == null ? cached.field("api_key") : key;
            requests = cached.texts();
            characters = cached.characters();
        }
        Client client = identify(key, forward, response);
        if (client != null && withinLimits(client, requests, characters, request, response)) {
            accepted(client.keyName());
            chain.doFilter(forward, response);
        }
    }

    /** Who sends a request and what it may use a minute: a key's holder, or an address without a key. */
    private record Client(String id, String keyName, int perMinute, int charactersPerMinute) {}

    /** The client of a request, or null when it was refused (401 without a key where one is required, 403 for a bad key). */
    private Client identify(String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (key == null || key.isBlank()) {
            if (mode == Mode.REQUIRED) {
                rejected("missing_key", "anonymous");
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"seq2seq\"");
                Problems.write(response, request, 401, "Unauthorized", "an API key is required: send it as 'Authorization: Bearer KEY', "
                        + "as 'X-API-Key: KEY' or as the api_key field");
                return null;
            }
            return new Client("address " + address(request), "anonymous", anonymous.requestsPerMinute(), anonymous.charactersPerMinute());
        }
        var entry = keys.authenticate(key.strip());
        if (entry.isEmpty()) {
            rejected("invalid_key", "unknown");
            Problems.write(response, request, 403, "Forbidden", "the API key is not valid (unknown or removed)");
            return null;
        }
        request.setAttribute(KEY_NAME, entry.get().name());
        return new Client("key " + entry.get().name(), entry.get().name(), entry.get().requestsPerMinute(), entry.get().charactersPerMinute());
    }

    /** Takes the request's cost from the client's buckets; false (and a 429 or 503 written) when it may not go on. */
    private boolean withinLimits(Client client, int requests, long characters, HttpServletRequest request,
                                 HttpServletResponse response) throws IOException {
        RateLimiter.Decision d;
        try {
            d = limiter.consume(client.id(), client.perMinute(), client.charactersPerMinute(), requests, characters);
        } catch (RateLimitsUnavailableException e) {
            rejected("rate_limit_unavailable", client.keyName());
            logger.warn("rate limits unavailable: " + e.getCause() + " ("
                    + org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e) + ")");
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            Problems.write(response, request, 503, "Service Unavailable", e.getMessage());
            return false;
        }
        if (client.perMinute() > 0) {
            response.setHeader("RateLimit-Limit", String.valueOf(d.limit()));
            response.setHeader("RateLimit-Remaining", String.valueOf(Math.max(0, d.remaining())));
        }
        if (d.allowed()) {
            return true;
        }
        rejected("rate_limit_" + d.exceeded(), client.keyName());
        int limit = d.exceeded().equals("requests") ? client.perMinute() : client.charactersPerMinute();
        if (d.retryAfterSeconds() < 0) {
            Problems.write(response, request, 429, "Too Many Requests", "this request costs more " + d.exceeded()
                    + " than the " + limit + " a minute this client may use (a batch of N texts counts N requests)");
            return false;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(d.retryAfterSeconds()));
        response.setHeader("RateLimit-Reset", String.valueOf(d.retryAfterSeconds()));
        Problems.write(response, request, 429, "Too Many Requests", "over the " + d.exceeded() + " per minute of this client ("
                + limit + "); retry in " + d.retryAfterSeconds() + " s");
        return false;
    }

    private String address(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (anonymous.trustForwardedFor() && forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return request.getRemoteAddr();
    }

    private static String headerKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return request.getHeader("X-API-Key");
    }

    /** The request with its body read once (the size filter before this one bounds it) and replayed. */
    private static final class Cached extends HttpServletRequestWrapper {
        private final byte[] body;

        Cached(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        private JsonNode json;
        private java.util.List<Map.Entry<String, String>> form;

        private void parse() {
            if (json != null || form != null) {
                return;
            }
            String type = getContentType() == null ? "" : getContentType().toLowerCase(Locale.ROOT);
            form = new java.util.ArrayList<>();
            try {
                if (type.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
                    JsonNode node = JSON.readTree(body);
                    json = node != null && node.isObject() ? node : null;
                } else if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
                    for (String field : new String(body, StandardCharsets.UTF_8).split("&")) {
                        int eq = field.indexOf('=');
                        if (eq > 0) {
                            form.add(Map.entry(URLDecoder.decode(field.substring(0, eq), StandardCharsets.UTF_8),
                                    URLDecoder.decode(field.substring(eq + 1), StandardCharsets.UTF_8)));
                        }
                    }
                }
            } catch (RuntimeException e) {
                json = null;   // a body that does not parse is the controller's to refuse, with its own message
            }
        }

        /** A text field of a JSON object or form body; null where there is none. */
        String field(String name) {
            parse();
            if (json != null) {
                JsonNode v = json.get(name);
                return v != null && v.isString() ? v.asString() : null;
            }
            return form.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
        }

        /** The texts the request asks to work on (q as an array counts its entries), at least 1. */
        int texts() {
            parse();
            JsonNode q = json == null ? null : json.get("q");
            if (q != null && q.isArray()) {
                return Math.max(1, q.size());
            }
            return (int) Math.max(1, form.stream().filter(e -> e.getKey().equals("q")).count());
        }

        /** The characters of q (every entry) and message. */
        long characters() {
            parse();
            long n = 0;
            if (json != null) {
                for (String name : new String[] {"q", "message"}) {
                    JsonNode v = json.get(name);
                    if (v != null && v.isString()) {
                        n += v.asString().length();
                    } else if (v != null && v.isArray()) {
                        for (JsonNode item : v) {
                            n += item.isString() ? item.asString().length() : 0;
                        }
                    }
                }
                return n;
            }
            return form.stream().filter(e -> e.getKey().equals("q") || e.getKey().equals("message")).mapToLong(e -> e.getValue().length()).sum();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }
    }
}

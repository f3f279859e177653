package dev.seq2seq.api;

import dev.seq2seq.auth.ApiKeys;
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
 * wrong key gets 403; {@code required}: without a key, 401 with {@code WWW-Authenticate}.
 */
public class ApiKeyFilter extends OncePerRequestFilter {
    public enum Mode { OFF, OPTIONAL, REQUIRED }

    /** The request attribute holding the name of the key a request came with. */
    public static final String KEY_NAME = "seq2seq.apiKeyName";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Mode mode;
    private final ApiKeys keys;

    public ApiKeyFilter(Mode mode, ApiKeys keys) {
        this.mode = mode;
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return mode == Mode.OFF || !(path.equals("/translate") || path.equals("/detect") || path.equals("/chat") || path.startsWith("/chat/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest forward = request;
        String key = headerKey(request);
        if (key == null && "POST".equals(request.getMethod())) {
            Cached cached;
            try {
                cached = new Cached(request);
            } catch (RequestTooLargeException e) {
                problem(response, request, 413, "Content Too Large", e.getMessage());
                return;
            }
            forward = cached;
            key = cached.bodyKey();
        }
        if (key == null || key.isBlank()) {
            if (mode == Mode.REQUIRED) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"seq2seq\"");
                problem(response, request, 401, "Unauthorized", "an API key is required: send it as 'Authorization: Bearer KEY', "
                        + "as 'X-API-Key: KEY' or as the api_key field");
                return;
            }
            chain.doFilter(forward, response);
            return;
        }
        var entry = keys.authenticate(key.strip());
        if (entry.isEmpty()) {
            problem(response, request, 403, "Forbidden", "the API key is not valid (unknown or removed)");
            return;
        }
        forward.setAttribute(KEY_NAME, entry.get().name());
        chain.doFilter(forward, response);
    }

    private static String headerKey(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return request.getHeader("X-API-Key");
    }

    private static void problem(HttpServletResponse response, HttpServletRequest request, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", title, "status", status,
                "detail", detail, "instance", request.getRequestURI()));
    }

    /** The request with its body read once (the size filter before this one bounds it) and replayed. */
    private static final class Cached extends HttpServletRequestWrapper {
        private final byte[] body;

        Cached(HttpServletRequest request) throws IOException {
            super(request);
            this.body = request.getInputStream().readAllBytes();
        }

        /** The api_key field of a JSON object or form body; null where there is none or the body is not readable. */
        String bodyKey() {
            String type = getContentType() == null ? "" : getContentType().toLowerCase(Locale.ROOT);
            try {
                if (type.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
                    JsonNode node = JSON.readTree(body);
                    JsonNode key = node == null || !node.isObject() ? null : node.get("api_key");
                    return key != null && key.isString() ? key.asString() : null;
                }
                if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
                    for (String field : new String(body, StandardCharsets.UTF_8).split("&")) {
                        int eq = field.indexOf('=');
                        if (eq > 0 && URLDecoder.decode(field.substring(0, eq), StandardCharsets.UTF_8).equals("api_key")) {
                            return URLDecoder.decode(field.substring(eq + 1), StandardCharsets.UTF_8);
                        }
                    }
                }
            } catch (RuntimeException e) {
                return null;   // a body that does not parse is the controller's to refuse, with its own message
            }
            return null;
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

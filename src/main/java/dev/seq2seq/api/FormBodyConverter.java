package dev.seq2seq.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code application/x-www-form-urlencoded} bodies into the generated request DTOs, as
 * LibreTranslate accepts both JSON and forms on the same endpoints. A field given once becomes a
 * string, a field repeated ({@code q=a&q=b}, or {@code q[]=a&q[]=b}) an array; Jackson then binds
 * and coerces them exactly as it binds JSON, so both media types share one validation path.
 */
public class FormBodyConverter extends AbstractHttpMessageConverter<Object> {
    private static final String MODEL_PACKAGE = "dev.seq2seq.api.generated.model";
    private final FormHttpMessageConverter form = new FormHttpMessageConverter();
    private final JsonMapper json;

    public FormBodyConverter(JsonMapper json) {
        super(MediaType.APPLICATION_FORM_URLENCODED);
        this.json = json;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return clazz.getPackageName().equals(MODEL_PACKAGE);
    }

    @Override
    protected boolean canWrite(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
        MultiValueMap<String, String> fields;
        try {
            fields = form.read(null, input);
        } catch (IllegalArgumentException e) {   // a malformed %-escape
            throw new HttpMessageNotReadableException("form body is not valid: " + e.getMessage(), e, input);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((name, list) -> {
            String key = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
            if (key.isEmpty()) {
                return;   // "[]" or "=x": a field without a name is no field of the request
            }
            List<String> given = list.stream().map(v -> v == null ? "" : v).toList();   // "q" without "=": empty
            values.put(key, given.size() == 1 && !name.endsWith("[]") ? given.get(0) : given);
        });
        try {
            return json.convertValue(values, clazz);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new HttpMessageNotReadableException("form fields do not fit the request: " + e.getMessage(), e, input);
        }
    }

    @Override
    protected void writeInternal(Object o, HttpOutputMessage output) {
        throw new UnsupportedOperationException("forms are only read");
    }
}

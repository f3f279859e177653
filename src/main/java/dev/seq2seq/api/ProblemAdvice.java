package dev.seq2seq.api;

import dev.seq2seq.chat.ConversationNotFoundException;
import dev.seq2seq.chat.ConversationStoreUnavailableException;
import dev.seq2seq.request.InvalidInputException;
import dev.seq2seq.request.OverloadedException;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Every error as {@code application/problem+json} (RFC 9457) with a {@code detail} a client can act
 * on. Spring MVC's own errors (415, 405, 404, missing or unreadable body) come through the base
 * class; the service's come through the handlers below. A stack trace never reaches a client.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(ConversationNotFoundException.class)
    ProblemDetail notFound(ConversationNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** Queue full or deadline passed: 503 at once, with when to retry. */
    @ExceptionHandler(OverloadedException.class)
    ResponseEntity<ProblemDetail> overloaded(OverloadedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    /** The shared conversation store is away (or newer than this replica): 503, the rest of the service goes on. */
    @ExceptionHandler(ConversationStoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(ConversationStoreUnavailableException e) {
        log.warn("conversation store unavailable: {}", e.getCause() == null ? e.getMessage()
                : e.getCause() + " (" + org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e) + ")");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ProblemDetail tooLarge(RequestTooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    /** Tomcat refused to parse a form body: bad %-escapes or too many fields (400), or too large (413). */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail invalidForm(InvalidParameterException e) {
        HttpStatus status = e.getErrorCode() == 413 ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return ProblemDetail.forStatusAndDetail(status, "form body could not be read: " + e.getMessage());
    }

    /** A multipart body the container cannot parse (no boundary, cut short): the client's mistake. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "multipart body could not be read: "
                + (e.getMostSpecificCause().getMessage() == null ? e.getMessage() : e.getMostSpecificCause().getMessage()));
    }

    /** A defect on our side: the client gets an id to quote, the log gets the stack trace. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String id = UUID.randomUUID().toString();
        log.error("unexpected error {}", id, e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error " + id + "; the server log has the details");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(ex)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> e.getField() + " " + (e.getRejectedValue() == null && "NotNull".equals(e.getCode())
                        ? "is required" : e.getDefaultMessage() + " (got " + e.getRejectedValue() + ")"))
                .sorted().collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("field", ex.getBindingResult().getFieldErrors().stream().map(e -> e.getField()).sorted()
                .findFirst().orElse(null));
        return ResponseEntity.badRequest().body(problem);
    }

    private static String unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof JacksonException j) {
            String path = j.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
            TokenStreamLocation at = j.getLocation();
            String line = at != null && at.getLineNr() > 0 ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "";
            String where = (path.isEmpty() ? "" : " in field " + path) + line;
            Class<?> target = j instanceof tools.jackson.databind.exc.ValueInstantiationException v && v.getType() != null
                    ? v.getType().getRawClass()
                    : j instanceof tools.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
            if (target != null && target.isEnum() && !path.isEmpty()) {   // "quality": "great"
                return path + " must be one of " + java.util.Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", ")) + line;
            }
            String message = j.getOriginalMessage();
            int cut = message.indexOf('\n');
            return "request body is not valid JSON for this operation" + where + ": "
                    + (cut > 0 ? message.substring(0, cut) : message);
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return "request body is missing";
        }
        String message = ex.getMessage() == null ? "unreadable request body" : ex.getMessage();
        int cut = message.indexOf(':');
        return cut > 0 && message.startsWith("Required") ? message.substring(0, cut) : message;
    }
}

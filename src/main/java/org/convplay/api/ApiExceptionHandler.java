package org.convplay.api;

import org.convplay.shared.BadRequestException;
import org.convplay.shared.TooLargeException;
import org.convplay.shared.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.convplay.engine.ShapeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of the JSON API into {@code {"error": "..."}} with the right status, so that outside tools never
 * see a stack trace or an HTML error page. Spring MVC's own exceptions (405, 406, 415, 404 for an unknown path, a
 * missing parameter...) keep the status Spring gives them and get this body; it applies to every handler, not only
 * ours, because those are raised before any of our controllers is chosen. What never reaches MVC (Tomcat's 400s,
 * Spring Security's 401 and 403) is answered by {@link ApiErrorController}.
 *
 * <p>A bad request is one of ours ({@link BadRequestException}, the engine's {@link ShapeException}) or a body that
 * cannot be read; any other exception is a bug, logged and answered 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(TooLargeException.class)
    ResponseEntity<Map<String, String>> tooLarge(TooLargeException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Map<String, String>> bodyTooLarge(BodyTooLargeException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler({BadRequestException.class, ShapeException.class})
    ResponseEntity<Map<String, String>> badRequest(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        log.error("Unexpected API failure", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getClass().getSimpleName()
                + "; the server keeps serving, please report this request");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return new ResponseEntity<>(Map.of("error", tooLarge.getMessage()), HttpStatus.PAYLOAD_TOO_LARGE);
        }
        String detail = e.getCause() instanceof JsonProcessingException j ? j.getOriginalMessage() : "the body is missing or is not JSON";
        return new ResponseEntity<>(Map.of("error", "malformed JSON: " + detail), headers, HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, Map.of("error", "no such path: /" + e.getResourcePath()), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, Map.of("error", "send the body as application/json"), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return handleExceptionInternal(e, Map.of("error", name + " is '" + e.getValue() + "', which is not a valid value"),
                headers, status, request);
    }

    /** Every answer of the base class, whatever body it proposed, as {@code {"error": "..."}}. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof Map<?, ?> map && map.containsKey("error")) {
            return new ResponseEntity<>(body, headers, status);
        }
        String message = e instanceof ErrorResponse r && r.getBody().getDetail() != null ? r.getBody().getDetail() : e.getMessage();
        return new ResponseEntity<>(Map.of("error", message == null ? reason(status) : message), headers, status);
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }

    static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message == null ? status.getReasonPhrase() : message));
    }
}

package org.convplay.limits;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 503 or 429 with {@code Retry-After} and the usual {@code {"error": ...}}. Ordered first so that no catch-all
 * handler elsewhere turns a refusal into a 500.
 */
@RestControllerAdvice(basePackages = "org.convplay")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusedExceptionHandler {

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<Map<String, String>> refused(RefusedException e) {
        return ResponseEntity.status(e.status())
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .body(Map.of("error", e.getMessage()));
    }
}

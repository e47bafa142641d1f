package org.convplay.classroom.api;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Someone else's class, or a student asking for a teacher's table: 403 {@code {"error"}}, before the API-wide catch-all. */
@RestControllerAdvice(basePackageClasses = ClassroomApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClassroomApiErrors {

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
    }
}

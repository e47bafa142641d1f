package org.convplay.exercise.api;

import java.util.Map;
import org.convplay.exercise.BrokenExerciseException;
import org.convplay.exercise.service.UnknownExerciseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the exercises API as {@code {"error": "..."}}: the caller's mistakes are 400/404/413,
 * a broken exercise (our bug) is a logged 500 that says so. Scoped to this package so it does not
 * change how other controllers answer.
 */
@RestControllerAdvice(basePackageClasses = ExerciseController.class)
class ExerciseApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ExerciseApiErrors.class);

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<Map<String, String>> badRequest(BadRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(TooLargeException.class)
    ResponseEntity<Map<String, String>> tooLarge(TooLargeException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(UnknownExerciseException.class)
    ResponseEntity<Map<String, String>> unknown(UnknownExerciseException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "the body must be a JSON object {\"seed\": n, \"answer\": {...}}: "
                + (e.getMostSpecificCause() == null ? "it could not be read" : firstLine(e.getMostSpecificCause().getMessage())));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
    }

    @ExceptionHandler(BrokenExerciseException.class)
    ResponseEntity<Map<String, String>> broken(BrokenExerciseException e) {
        log.error("Broken exercise", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "this exercise is broken on our side, not your answer: " + e.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "it could not be read";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}

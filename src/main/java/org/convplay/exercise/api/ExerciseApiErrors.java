package org.convplay.exercise.api;

import java.util.Map;
import org.convplay.exercise.BrokenExerciseException;
import org.convplay.exercise.ExerciseFileException;
import org.convplay.exercise.service.UnknownExerciseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The exercises' own failures as {@code {"error": "..."}}: an unknown exercise is 404, a broken
 * exercise (our bug, not the student's answer) a logged 500 that says so. Everything else falls
 * through to the API-wide handler in {@code org.convplay.api}, which is why this one goes first.
 */
@RestControllerAdvice(basePackageClasses = ExerciseController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExerciseApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ExerciseApiErrors.class);

    @ExceptionHandler(UnknownExerciseException.class)
    ResponseEntity<Map<String, String>> unknown(UnknownExerciseException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    /** An exercise text sent to be validated (or a teacher's) that cannot be used: the message names line and field. */
    @ExceptionHandler(ExerciseFileException.class)
    ResponseEntity<Map<String, String>> badFile(ExerciseFileException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(BrokenExerciseException.class)
    ResponseEntity<Map<String, String>> broken(BrokenExerciseException e) {
        log.error("Broken exercise", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Map.of("error", "this exercise is broken on our side, not your answer: " + e.getMessage()));
    }
}

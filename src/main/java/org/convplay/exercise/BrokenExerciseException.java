package org.convplay.exercise;

/**
 * Our bug, not the student's: an exercise whose file passed validation but cannot produce a variant.
 * Kept apart from a malformed answer (the student's) and from a system error.
 */
public class BrokenExerciseException extends RuntimeException {

    public BrokenExerciseException(Exercise exercise, String problem) {
        super("exercise '" + exercise.id() + "' (" + exercise.file() + ") is broken: " + problem);
    }
}

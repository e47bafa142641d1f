package org.convplay.exercise.service;

/** No exercise has this id. */
public class UnknownExerciseException extends RuntimeException {

    public UnknownExerciseException(String id) {
        super("no exercise with id '" + id + "'");
    }
}

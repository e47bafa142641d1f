package org.convplay.classroom.service;

/** A classroom request that cannot be done as asked (bad form input, unknown join code); the message says why. */
public class ClassroomException extends RuntimeException {
    private final String field;

    public ClassroomException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

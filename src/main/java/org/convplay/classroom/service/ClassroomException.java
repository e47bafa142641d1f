package org.convplay.classroom.service;

import org.convplay.shared.FieldException;

/** A classroom request that cannot be done as asked (bad form input, unknown join code). */
public class ClassroomException extends FieldException {

    public ClassroomException(String field, String key, Object... args) {
        super(field, key, args);
    }
}

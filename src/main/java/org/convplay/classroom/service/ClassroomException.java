package org.convplay.classroom.service;

import java.util.Locale;
import org.convplay.exercise.Text;

/**
 * A classroom request that cannot be done as asked (bad form input, unknown join code). The reason is a
 * {@link Text} so that a page shows it in its reader's language; the exception's message is the English.
 */
public class ClassroomException extends RuntimeException {
    private final String field;
    private final transient Text reason;

    public ClassroomException(String field, Text reason) {
        super(reason.en());
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** Why, in the reader's language. */
    public String reason(Locale locale) {
        return reason.in(locale);
    }
}

package org.convplay.exercise;

import java.util.Locale;

/** What an answer looks like: numbers, exact shapes, or a practical experiment checked by its structure. */
public enum Kind {
    NUMERIC, SHAPE, PRACTICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

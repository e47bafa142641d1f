package org.convplay.exercise;

import java.util.Locale;

/**
 * What an answer looks like: numbers, exact shapes, a practical experiment checked by its structure,
 * or numbers computed by formulas written in the file (no Java grader; teachers write these).
 */
public enum Kind {
    NUMERIC, SHAPE, PRACTICAL, FORMULA;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

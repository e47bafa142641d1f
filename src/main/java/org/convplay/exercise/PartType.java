package org.convplay.exercise;

import java.util.Locale;

/** How one part of an answer is entered and what JSON it becomes in the answer object the graders take. */
public enum PartType {
    /** A whole number: JSON number. */
    INTEGER,
    /** Any number, compared within a tolerance: JSON number. */
    DECIMAL,
    /** Whole numbers such as rows x columns: JSON list of numbers. */
    SHAPE,
    /** Rows of numbers, entered in the matrix editor: JSON list of lists. */
    MATRIX,
    /** One of the listed values (radio buttons): JSON text. */
    CHOICE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

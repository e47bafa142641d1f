package org.convplay.exercise;

/**
 * Sizes an exercise file may have, in one place: the reader enforces them on every file, a
 * teacher's upload included; README's Limits table and docs/exercises.md list the same numbers.
 */
public final class ExerciseLimits {

    /** Largest exercise file, in bytes of UTF-8. */
    public static final int MAX_FILE_BYTES = 64 * 1024;
    /** Longest formula, in characters. */
    public static final int MAX_FORMULA_CHARS = 500;
    /** Most parts of one answer. */
    public static final int MAX_PARTS = 20;
    /** Most hints, choices of a choice part, and known wrong answers of a part. */
    public static final int MAX_LIST_ITEMS = 20;
    /** Most numbers in a shape part. */
    public static final int MAX_SHAPE_DIMS = 8;
    /** Largest side of a matrix answer (the matrix editor's own limit). */
    public static final int MAX_MATRIX_SIDE = 64;

    private ExerciseLimits() {
    }
}

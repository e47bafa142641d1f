package org.convplay.exercise;

/**
 * An exercise file that cannot be used: the message names the file, the line (when known) and
 * the field, so whoever edits the file can fix it without reading code.
 */
public class ExerciseFileException extends RuntimeException {

    public ExerciseFileException(String file, int line, String field, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + (field == null || field.isEmpty() ? "" : ", field '" + field + "'")
                + ": " + problem);
    }
}

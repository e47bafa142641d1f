package org.convplay.exercise;

/** One graded part of an answer: a field, whether it was right, and what to tell the student about it. */
public record Check(String field, boolean correct, Text message) {

    public static Check right(String field, Text message) {
        return new Check(field, true, message);
    }

    public static Check wrong(String field, Text message) {
        return new Check(field, false, message);
    }
}

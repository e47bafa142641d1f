package org.convplay.exercise;

/** One graded part of an answer: a field, whether it was right, and what to tell the student about it. */
public record Check(String field, boolean correct, Text message) {

    /** The check of one field: right or wrong, with the message for each. */
    public static Check of(String field, boolean ok, Text right, Text wrong) {
        return ok ? right(field, right) : wrong(field, wrong);
    }

    public static Check right(String field, Text message) {
        return new Check(field, true, message);
    }

    public static Check wrong(String field, Text message) {
        return new Check(field, false, message);
    }
}

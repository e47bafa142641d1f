package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.JsonNode;
import org.convplay.exercise.Text;

/**
 * Typed reads of a submitted answer (JSON). Anything missing or of the wrong type throws
 * {@link Malformed}, which graders turn into a "not gradable" grade naming the field.
 */
public final class Answer {

    /** The student's answer cannot be graded; the reason names the field. */
    public static final class Malformed extends RuntimeException {
        private final transient Text reason;

        public Malformed(Text reason) {
            super(reason.en());
            this.reason = reason;
        }

        public Text reason() {
            return reason;
        }
    }

    private Answer() {
    }

    /** The field named, then what is wrong with it: the bundle text {@code problem} with its arguments. */
    public static Malformed malformed(String field, String problem, Object... args) {
        return new Malformed(Text.of("grading.answer.field", field, Text.of(problem, args)));
    }

    /** @param what the fields expected: their names, or a text describing them */
    public static JsonNode object(JsonNode answer, Object what) {
        if (answer == null || !answer.isObject()) {
            throw new Malformed(Text.of("grading.answer.notObject", what));
        }
        return answer;
    }

    public static JsonNode field(JsonNode parent, String path, String name) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            throw malformed(path(path, name), "grading.answer.missing");
        }
        return v;
    }

    public static long integer(JsonNode parent, String path, String name) {
        JsonNode v = field(parent, path, name);
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || Math.abs(v.asDouble()) > 9e15) {
            throw malformed(path(path, name), "grading.answer.notWhole", v.toString());
        }
        return v.asLong();
    }

    public static double number(JsonNode parent, String path, String name) {
        JsonNode v = field(parent, path, name);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw malformed(path(path, name), "grading.answer.notNumber", v.toString());
        }
        return v.asDouble();
    }

    public static String word(JsonNode parent, String path, String name) {
        JsonNode v = field(parent, path, name);
        if (!v.isTextual()) {
            throw malformed(path(path, name), "grading.answer.notText", v.toString());
        }
        return v.asText();
    }

    /** A list of whole numbers such as a shape {@code [98, 98]}. */
    public static int[] shape(JsonNode parent, String path, String name) {
        JsonNode v = field(parent, path, name);
        return ints(v, path(path, name));
    }

    public static int[] ints(JsonNode v, String field) {
        if (!v.isArray() || v.isEmpty()) {
            throw malformed(field, "grading.answer.notShape", v.toString());
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber() || e.asDouble() != Math.rint(e.asDouble()) || Math.abs(e.asDouble()) > Integer.MAX_VALUE) {
                throw malformed(field, "grading.answer.shapeItem", i, e.toString());
            }
            out[i] = e.asInt();
        }
        return out;
    }

    /** A rectangular list of rows of numbers. */
    public static double[][] matrix(JsonNode parent, String path, String name) {
        JsonNode v = field(parent, path, name);
        String f = path(path, name);
        if (!v.isArray() || v.isEmpty()) {
            throw malformed(f, "grading.answer.notMatrix", v.toString());
        }
        double[][] m = new double[v.size()][];
        for (int y = 0; y < v.size(); y++) {
            JsonNode row = v.get(y);
            if (!row.isArray() || row.size() != v.get(0).size() || row.isEmpty()) {
                throw malformed(f, "grading.answer.matrixRow", y, row.toString());
            }
            m[y] = new double[row.size()];
            for (int x = 0; x < row.size(); x++) {
                if (!row.get(x).isNumber()) {
                    throw malformed(f, "grading.answer.matrixCell", y, x, row.get(x).toString());
                }
                m[y][x] = row.get(x).asDouble();
            }
        }
        return m;
    }

    public static String path(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }
}

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

    public static Malformed malformed(String field, String en, String pt) {
        return new Malformed(Text.of("field '" + field + "' " + en, "o campo '" + field + "' " + pt));
    }

    public static JsonNode object(JsonNode answer, String what) {
        if (answer == null || !answer.isObject()) {
            throw new Malformed(Text.of("the answer must be a JSON object with the fields " + what,
                    "a resposta deve ser um objeto JSON com os campos " + what));
        }
        return answer;
    }

    public static JsonNode field(JsonNode parent, String path, String name) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            throw malformed(path(path, name), "is missing", "está faltando");
        }
        return v;
    }

    public static long integer(JsonNode parent, String path, String name) {
        JsonNode v = field(parent, path, name);
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || Math.abs(v.asDouble()) > 9e15) {
            throw malformed(path(path, name), "must be a whole number, got " + v, "deve ser um número inteiro, veio " + v);
        }
        return v.asLong();
    }

    public static double number(JsonNode parent, String path, String name) {
        JsonNode v = field(parent, path, name);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw malformed(path(path, name), "must be a number, got " + v, "deve ser um número, veio " + v);
        }
        return v.asDouble();
    }

    public static String word(JsonNode parent, String path, String name) {
        JsonNode v = field(parent, path, name);
        if (!v.isTextual()) {
            throw malformed(path(path, name), "must be text, got " + v, "deve ser um texto, veio " + v);
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
            throw malformed(field, "must be a list of whole numbers such as [98, 98], got " + v,
                    "deve ser uma lista de números inteiros como [98, 98], veio " + v);
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber() || e.asDouble() != Math.rint(e.asDouble()) || Math.abs(e.asDouble()) > Integer.MAX_VALUE) {
                throw malformed(field, "must hold whole numbers; item " + i + " is " + e,
                        "deve conter números inteiros; o item " + i + " é " + e);
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
            throw malformed(f, "must be a list of rows of numbers, got " + v, "deve ser uma lista de linhas de números, veio " + v);
        }
        double[][] m = new double[v.size()][];
        for (int y = 0; y < v.size(); y++) {
            JsonNode row = v.get(y);
            if (!row.isArray() || row.size() != v.get(0).size() || row.isEmpty()) {
                throw malformed(f, "must have rows of equal length; row " + y + " is " + row,
                        "deve ter linhas de mesmo tamanho; a linha " + y + " é " + row);
            }
            m[y] = new double[row.size()];
            for (int x = 0; x < row.size(); x++) {
                if (!row.get(x).isNumber()) {
                    throw malformed(f, "must hold numbers; row " + y + ", column " + x + " is " + row.get(x),
                            "deve conter números; linha " + y + ", coluna " + x + " é " + row.get(x));
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

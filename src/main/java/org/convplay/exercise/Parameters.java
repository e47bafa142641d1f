package org.convplay.exercise;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The drawn parameters of one variant, in declaration order. Values are Integer, Double, String,
 * Boolean or int[][] (a small matrix); graders read them through the typed getters.
 */
public final class Parameters {
    private final Map<String, Object> values;

    public Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public int integer(String name) {
        Object v = get(name);
        if (v instanceof Integer i) {
            return i;
        }
        throw new IllegalArgumentException("parameter '" + name + "' must be an integer, is " + format(v));
    }

    public int integer(String name, int fallback) {
        return has(name) ? integer(name) : fallback;
    }

    public String string(String name) {
        return String.valueOf(get(name));
    }

    public String string(String name, String fallback) {
        return has(name) ? string(name) : fallback;
    }

    public boolean bool(String name, boolean fallback) {
        return has(name) ? Boolean.parseBoolean(string(name)) : fallback;
    }

    public int[][] matrix(String name) {
        Object v = get(name);
        if (v instanceof int[][] m) {
            return m;
        }
        throw new IllegalArgumentException("parameter '" + name + "' must be a matrix, is " + format(v));
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' is not declared");
        }
        return values.get(name);
    }

    /** How a value appears in prompts and feedback: matrices as nested lists. */
    public static String format(Object v) {
        if (v instanceof int[][] m) {
            StringBuilder s = new StringBuilder("[");
            for (int y = 0; y < m.length; y++) {
                s.append(y == 0 ? "" : ", ").append(Arrays.toString(m[y]));
            }
            return s.append(']').toString();
        }
        if (v instanceof double[][] m) {
            StringBuilder s = new StringBuilder("[");
            for (int y = 0; y < m.length; y++) {
                s.append(y == 0 ? "" : ", ").append('[');
                for (int x = 0; x < m[y].length; x++) {
                    s.append(x == 0 ? "" : ", ").append(number(m[y][x]));
                }
                s.append(']');
            }
            return s.append(']').toString();
        }
        if (v instanceof int[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof Double d) {
            return number(d);
        }
        return String.valueOf(v);
    }

    /** One "name = value" line per parameter, as the pages show a variant's numbers. */
    public static String describe(Map<String, Object> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> s.append(k).append(" = ").append(format(v)).append('\n'));
        return s.toString().trim();
    }

    /** Integral values without ".0", others as Java prints them. */
    public static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        values.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append(k).append('=').append(format(v)));
        return s.append('}').toString();
    }
}

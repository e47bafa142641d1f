package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small helpers for worked steps: grouped digits in each language and JSON building. */
public final class Numbers {

    public static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Numbers() {
    }

    /** 96049604 as "96,049,604". */
    public static String en(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** 96049604 as "96.049.604", as Brazilian Portuguese writes it. */
    public static String pt(long n) {
        return en(n).replace(',', '.');
    }

    public static String en(double d) {
        return String.format(java.util.Locale.ROOT, "%,.1f", d);
    }

    public static String pt(double d) {
        return en(d).replace(',', '_').replace('.', ',').replace('_', '.');
    }

    public static ArrayNode ints(int... values) {
        ArrayNode a = JSON.arrayNode();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    public static ArrayNode matrix(double[][] m) {
        ArrayNode rows = JSON.arrayNode();
        for (double[] row : m) {
            ArrayNode r = rows.addArray();
            for (double v : row) {
                if (v == Math.rint(v)) {
                    r.add((long) v);
                } else {
                    r.add(v);
                }
            }
        }
        return rows;
    }

    public static ArrayNode matrix(int[][] m) {
        ArrayNode rows = JSON.arrayNode();
        for (int[] row : m) {
            ArrayNode r = rows.addArray();
            for (int v : row) {
                r.add(v);
            }
        }
        return rows;
    }

    public static ObjectNode object() {
        return JSON.objectNode();
    }
}

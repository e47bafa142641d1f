package org.convplay.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a tree of lists is rectangular and flattens it. Shared by the JSON API and the
 * pages' text parser so that both reject the same inputs with the same words.
 */
public final class NestedLists {
    private NestedLists() {
    }

    /** {@code tree} is a Double or a List of trees. */
    public static NdArray toNdArray(Object tree, String field) {
        List<Integer> shape = new ArrayList<>();
        Object level = tree;
        while (level instanceof List<?> l) {
            if (l.isEmpty()) {
                throw new BadRequestException(field + " is empty: every list needs at least one value", "error.lists.empty", field);
            }
            shape.add(l.size());
            level = l.get(0);
        }
        if (shape.isEmpty()) {
            throw new BadRequestException(field + " must be a list of lists of numbers, got a single number", "error.lists.single", field);
        }
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        // Sized by the numbers actually present: a ragged tree fails in fill() before it could overrun.
        double[] values = new double[countLeaves(tree)];
        int[] next = {0};
        fill(tree, dims, 0, field, values, next);
        return new NdArray(dims, values);
    }

    private static int countLeaves(Object node) {
        if (node instanceof List<?> l) {
            int n = 0;
            for (Object o : l) {
                n += countLeaves(o);
            }
            return n;
        }
        return 1;
    }

    private static void fill(Object node, int[] dims, int level, String path, double[] out, int[] next) {
        if (level == dims.length) {
            if (node instanceof List) {
                throw new BadRequestException(path + " is a list where a number was expected (the lists are nested unevenly)",
                        "error.lists.listForNumber", path);
            }
            out[next[0]++] = (Double) node;
            return;
        }
        if (!(node instanceof List<?> l)) {
            throw new BadRequestException(path + " is a number where a list of " + dims[level]
                    + " was expected (the lists are nested unevenly)", "error.lists.numberForList", path, dims[level]);
        }
        if (l.size() != dims[level]) {
            throw new BadRequestException(path + " has " + l.size() + " value(s), expected " + dims[level]
                    + " like the first one (rows must all have the same length)", "error.lists.ragged", path, l.size(), dims[level]);
        }
        for (int i = 0; i < l.size(); i++) {
            fill(l.get(i), dims, level + 1, path + "[" + i + "]", out, next);
        }
    }

    /** A finite float32 value from its text, or an error naming where it stood. */
    public static double checkedNumber(String token, String path) {
        double v;
        try {
            v = Double.parseDouble(token.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(path + " is '" + token + "', which is not a number", "error.lists.notNumber", path, token);
        }
        return checkedValue(v, path);
    }

    public static double checkedValue(double v, String path) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new BadRequestException(path + " is " + v + "; only finite numbers are allowed");
        }
        if (Math.abs(v) > Float.MAX_VALUE) {
            throw new BadRequestException(path + " is " + v + ", outside the float32 range (about ±3.4e38)");
        }
        return v;
    }
}

package org.convplay.shared;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the API's nested JSON lists of numbers, with errors that name the field and position. */
public final class JsonArrays {
    private JsonArrays() {
    }

    public static NdArray read(JsonNode node, String field, int maxValues) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new BadRequestException(field + " is required");
        }
        int[] count = {0};
        return NestedLists.toNdArray(tree(node, field, maxValues, count), field);
    }

    private static Object tree(JsonNode node, String path, int maxValues, int[] count) {
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                items.add(tree(node.get(i), path + "[" + i + "]", maxValues, count));
            }
            return items;
        }
        if (++count[0] > maxValues) {
            throw new TooLargeException(path.replaceAll("\\[.*", "") + " has more than " + maxValues + " values (the limit)");
        }
        if (!node.isNumber()) {
            throw new BadRequestException(path + " is " + node + ", which is not a number");
        }
        return NestedLists.checkedValue(node.doubleValue(), path);
    }

    /** A list of numbers such as a bias, or null when absent. */
    public static double[] vector(JsonNode node, String field, int maxValues) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        NdArray a = read(node, field, maxValues);
        if (a.rank() != 1) {
            throw new BadRequestException(field + " must be a flat list of numbers, got " + a.rank() + " levels of lists");
        }
        return a.values();
    }

    /** {@code n} or {@code [a, b]}: a pair of positive whole numbers (stride, dilation, pool size). */
    public static int[] pair(JsonNode node, String field, int defaultValue, int max) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new int[] {defaultValue, defaultValue};
        }
        if (node.isArray()) {
            if (node.size() != 2) {
                throw new BadRequestException(field + " must be a number or a list of two numbers [y, x], got " + node.size() + " values");
            }
            return new int[] {positive(node.get(0), field + "[0]", max), positive(node.get(1), field + "[1]", max)};
        }
        int v = positive(node, field, max);
        return new int[] {v, v};
    }

    public static int positive(JsonNode node, String field, int max) {
        int v = wholeNumber(node, field);
        if (v < 1 || v > max) {
            throw new BadRequestException(field + " must be between 1 and " + max + ", got " + v);
        }
        return v;
    }

    public static int wholeNumber(JsonNode node, String field) {
        if (node == null || !node.isNumber() || !node.canConvertToInt() || node.doubleValue() != Math.rint(node.doubleValue())) {
            throw new BadRequestException(field + " must be a whole number, got " + node);
        }
        return node.intValue();
    }

    /** Nested lists of floats, so Jackson writes the float32 values in their shortest form. */
    public static Object nested(NdArray a) {
        return level(a, 0, new int[] {0});
    }

    private static Object level(NdArray a, int depth, int[] next) {
        int n = a.shape()[depth];
        if (depth == a.rank() - 1) {
            float[] row = new float[n];
            for (int i = 0; i < n; i++) {
                row[i] = (float) a.values()[next[0]++];
            }
            return row;
        }
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) {
            items[i] = level(a, depth + 1, next);
        }
        return items;
    }
}

package org.convplay.exercise;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How one parameter of an exercise is chosen: its seed-0 value (the notebook's own number) and
 * how other seeds draw it: from a list of values, from an integer range, as a random integer
 * matrix, or not at all (fixed).
 */
public record ParameterSpec(String name, Object seed0, List<Object> values, int[] range, MatrixShape matrix) {

    /** Rows and columns are integers or the names of parameters declared earlier. */
    public record MatrixShape(String rows, String cols, int min, int max) {
    }

    public Object draw(SplittableRandom rng, Map<String, Object> earlier) {
        if (values != null) {
            return values.get(rng.nextInt(values.size()));
        }
        if (range != null) {
            return range[0] + rng.nextInt(range[1] - range[0] + 1);
        }
        if (matrix != null) {
            int rows = size(matrix.rows(), earlier);
            int cols = size(matrix.cols(), earlier);
            int[][] m = new int[rows][cols];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    m[y][x] = matrix.min() + rng.nextInt(matrix.max() - matrix.min() + 1);
                }
            }
            return m;
        }
        return seed0;
    }

    private static int size(String ref, Map<String, Object> earlier) {
        Object v = earlier.get(ref);
        if (v instanceof Integer i) {
            return i;
        }
        return Integer.parseInt(ref);
    }
}

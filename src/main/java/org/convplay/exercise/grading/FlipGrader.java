package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.Tensor;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * Convolution versus cross-correlation: the {@code valid} result of input {@code x} with kernel
 * {@code w} both ways. The answers are computed by the reference engine.
 */
final class FlipGrader extends FieldGrader {

    @Override
    public String name() {
        return "conv-vs-correlation";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("x", "w");
    }

    @Override
    Map<String, Type> fields() {
        return fields("correlation", Type.MATRIX, "convolution", Type.MATRIX);
    }

    @Override
    public Solution solve(Parameters p) {
        int[][] x = p.matrix("x");
        int[][] w = p.matrix("w");
        int[][] rotated = rotate(w);
        if (java.util.Arrays.deepEquals(w, rotated)) {
            // Such a kernel gives the same result both ways (the notebook's own kernel is one): useless here.
            throw new IllegalArgumentException("the kernel equals its 180-degree rotation, so it cannot tell the two apart");
        }
        ReferenceEngine engine = new ReferenceEngine();
        Tensor input = Tensor.of(toDouble(x));
        Kernel kernel = Kernel.of(toDouble(w));
        double[][] corr = engine.convolve(input, kernel, ConvSpec.DEFAULT).toArray(0);
        double[][] conv = engine.convolve(input, kernel, ConvSpec.DEFAULT.withFlip(true)).toArray(0);
        ObjectNode answer = Numbers.object();
        answer.set("correlation", Numbers.matrix(corr));
        answer.set("convolution", Numbers.matrix(conv));
        return new Solution(answer, List.of(Text.of("grading.flip.correlation", Parameters.format(corr)),
                Text.of("grading.flip.convolution", Parameters.format(rotated), Parameters.format(conv))));
    }

    static int[][] rotate(int[][] w) {
        int h = w.length;
        int wd = w[0].length;
        int[][] r = new int[h][wd];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < wd; x++) {
                r[y][x] = w[h - 1 - y][wd - 1 - x];
            }
        }
        return r;
    }

    private static double[][] toDouble(int[][] m) {
        double[][] d = new double[m.length][];
        for (int y = 0; y < m.length; y++) {
            d[y] = new double[m[y].length];
            for (int x = 0; x < m[y].length; x++) {
                d[y][x] = m[y][x];
            }
        }
        return d;
    }
}

package org.convplay.engine.export;

import java.util.List;
import org.convplay.engine.Activation;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.PoolSpec;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.ActivationLayer;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PoolLayer;

/** Pipelines that exercise every way an exporter can write padding, shared by the export tests. */
final class ExportFixtures {

    private ExportFixtures() {
    }

    static Tensor impulse11() {
        double[][] x = new double[11][11];
        x[5][5] = 1;
        return Tensor.of(x);
    }

    static Kernel oneToNine() {
        return Kernel.of(new double[][][][] {{{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}}}, new double[] {0});
    }

    /** The notebook's conv 3x3 same, then max pool 2x2 same. */
    static Pipeline notebook(Convention c) {
        return new Pipeline(c, List.of(
                Conv2dLayer.of(oneToNine(), ConvSettings.EMPTY.withPadding(Padding.SAME), c),
                PoolLayer.max(PoolSpec.of(2, 2).withPadding(Padding.SAME))));
    }

    /** Values that differ everywhere, so a misplaced window shows. */
    static Tensor ramp(int channels, int h, int w) {
        double[][][] x = new double[channels][h][w];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < h; y++) {
                for (int i = 0; i < w; i++) {
                    x[c][y][i] = Math.sin(1 + c * 31 + y * 7 + i * 3) * 2;
                }
            }
        }
        return Tensor.of(x);
    }

    static Kernel ramp(int f, int c, int kh, int kw, boolean bias) {
        double[][][][] w = new double[f][c][kh][kw];
        double[] b = bias ? new double[f] : null;
        for (int a = 0; a < f; a++) {
            for (int d = 0; d < c; d++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        w[a][d][y][x] = Math.cos(a * 13 + d * 5 + y * 3 + x + 0.5);
                    }
                }
            }
            if (bias) {
                b[a] = 0.25 * (a + 1);
            }
        }
        return Kernel.of(w, b);
    }

    /** An even kernel, an odd-total same, a reflect border, strides and dilation together, groups, average pooling. */
    static Pipeline mixed(Convention c) {
        return new Pipeline(c, List.of(
                Conv2dLayer.of(ramp(4, 1, 2, 2, true), ConvSettings.EMPTY.withPadding(Padding.SAME).withBorder(Border.REFLECT), c),
                new ActivationLayer(Activation.TANH),
                Conv2dLayer.of(ramp(4, 2, 3, 2, false), ConvSettings.EMPTY.withPadding(Padding.explicit(2, 1, 0, 3))
                        .withBorder(Border.WRAP).withGroups(2).withDilation(2, 1).withStride(2, 1), c),
                new ActivationLayer(Activation.RELU),
                PoolLayer.average(PoolSpec.of(2, 3).withStride(1, 2)
                        .withPadding(c == Convention.PYTORCH ? Padding.explicit(1, 0, 1, 1) : Padding.SAME)),
                new ActivationLayer(Activation.SIGMOID)));
    }

    static Pipeline wideBorders() {
        Convention c = Convention.OPENCV;
        return new Pipeline(c, List.of(
                Conv2dLayer.of(ramp(1, 1, 5, 5, false), ConvSettings.EMPTY.withPadding(Padding.explicit(4, 4, 5, 3))
                        .withBorder(Border.SYMMETRIC), c),
                Conv2dLayer.of(ramp(1, 1, 3, 3, false), ConvSettings.EMPTY.withPadding(Padding.FULL).withBorder(Border.REPLICATE)
                        .withFlip(true), c),
                PoolLayer.max(PoolSpec.of(3, 3).withStride(2, 2).withPadding(Padding.explicit(2, 0, 1, 2)))));
    }
}

package org.convplay.image;

import java.util.Locale;

/**
 * The classic image kernels, written as a CNN applies them (cross-correlation, no flip): Sobel x then
 * answers positive where the image gets brighter to the right. Each is a starting point the pages let the
 * user edit. {@link #NOTEBOOK_X} is the seed notebook's kernel.
 */
public enum KernelPreset {
    IDENTITY(new double[][] {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}}),
    BOX_BLUR(scaled(1.0 / 9, new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}})),
    GAUSSIAN(scaled(1.0 / 16, new double[][] {{1, 2, 1}, {2, 4, 2}, {1, 2, 1}})),
    SHARPEN(new double[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}}),
    SOBEL_X(new double[][] {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}}),
    SOBEL_Y(new double[][] {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}}),
    PREWITT_X(new double[][] {{-1, 0, 1}, {-1, 0, 1}, {-1, 0, 1}}),
    PREWITT_Y(new double[][] {{-1, -1, -1}, {0, 0, 0}, {1, 1, 1}}),
    LAPLACIAN(new double[][] {{0, 1, 0}, {1, -4, 1}, {0, 1, 0}}),
    EMBOSS(new double[][] {{-2, -1, 0}, {-1, 1, 1}, {0, 1, 2}}),
    OUTLINE(new double[][] {{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}}),
    NOTEBOOK_X(org.convplay.convolve.NotebookExample.KERNEL);

    private final double[][] weights;

    KernelPreset(double[][] weights) {
        this.weights = weights;
    }

    /** A fresh copy, rows of columns, that the caller may change. */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int y = 0; y < weights.length; y++) {
            copy[y] = weights[y].clone();
        }
        return copy;
    }

    /** Lower-case id with dashes, e.g. "sobel-x", used in element ids and translation keys. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Sum of the weights: 1 keeps the brightness of flat regions, 0 makes them 0 (an edge or detail detector). */
    public double sum() {
        double s = 0;
        for (double[] row : weights) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }

    private static double[][] scaled(double f, double[][] w) {
        for (double[] row : w) {
            for (int x = 0; x < row.length; x++) {
                row[x] *= f;
            }
        }
        return w;
    }
}

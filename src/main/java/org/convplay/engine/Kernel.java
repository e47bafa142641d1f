package org.convplay.engine;

/**
 * The weights of a conv layer: {@code filters x channelsPerGroup x height x width}, plus an optional bias per filter.
 * Storage is flat and row-major: {@code weights[((f * channelsPerGroup + c) * height + y) * width + x]}.
 * With groups g a layer on C input channels has channelsPerGroup = C / g (OIHW, as PyTorch stores it).
 */
public final class Kernel {
    private final int filters;
    private final int channelsPerGroup;
    private final int height;
    private final int width;
    private final float[] weights;
    private final float[] bias;

    /** {@code bias} may be null (no bias); otherwise it holds one value per filter. */
    public Kernel(int filters, int channelsPerGroup, int height, int width, float[] weights, float[] bias) {
        if (filters <= 0 || channelsPerGroup <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("kernel dimensions must be positive, got "
                    + filters + "x" + channelsPerGroup + "x" + height + "x" + width);
        }
        long size = (long) filters * channelsPerGroup * height * width;
        if (weights.length != size) {
            throw new IllegalArgumentException("kernel holds " + weights.length + " weights, shape needs " + size);
        }
        if (bias != null && bias.length != filters) {
            throw new IllegalArgumentException("bias has " + bias.length + " values, expected one per filter (" + filters + ")");
        }
        this.filters = filters;
        this.channelsPerGroup = channelsPerGroup;
        this.height = height;
        this.width = width;
        this.weights = weights;
        this.bias = bias;
    }

    /** A single 2-D kernel {@code rows[y][x]}: one filter over one channel, no bias. */
    public static Kernel of(double[][] rows) {
        return of(new double[][][][] {{rows}}, null);
    }

    /** OIHW nested arrays {@code values[f][c][y][x]}; {@code bias} may be null. */
    public static Kernel of(double[][][][] values, double[] bias) {
        int f = values.length;
        int c = f == 0 ? 0 : values[0].length;
        int h = c == 0 ? 0 : values[0][0].length;
        int w = h == 0 ? 0 : values[0][0][0].length;
        float[] flat = new float[Math.max(0, f * c * h * w)];
        int i = 0;
        for (int a = 0; a < f; a++) {
            if (values[a].length != c) {
                throw new IllegalArgumentException("filter " + a + " has " + values[a].length + " channels, expected " + c);
            }
            for (int b = 0; b < c; b++) {
                if (values[a][b].length != h) {
                    throw new IllegalArgumentException("filter " + a + " channel " + b + " has "
                            + values[a][b].length + " rows, expected " + h);
                }
                for (int y = 0; y < h; y++) {
                    if (values[a][b][y].length != w) {
                        throw new IllegalArgumentException("filter " + a + " channel " + b + " row " + y + " has "
                                + values[a][b][y].length + " values, expected " + w);
                    }
                    for (int x = 0; x < w; x++) {
                        flat[i++] = (float) values[a][b][y][x];
                    }
                }
            }
        }
        float[] b = null;
        if (bias != null) {
            b = new float[bias.length];
            for (int k = 0; k < bias.length; k++) {
                b[k] = (float) bias[k];
            }
        }
        return new Kernel(f, c, h, w, flat, b);
    }

    public int filters() {
        return filters;
    }

    public int channelsPerGroup() {
        return channelsPerGroup;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Shared backing array, laid out as described on the class. */
    public float[] weights() {
        return weights;
    }

    /** One value per filter, or null when the layer has no bias. */
    public float[] bias() {
        return bias;
    }

    public boolean hasBias() {
        return bias != null;
    }

    public float weight(int f, int c, int y, int x) {
        return weights[((f * channelsPerGroup + c) * height + y) * width + x];
    }

    public float biasOf(int f) {
        return bias == null ? 0f : bias[f];
    }
}

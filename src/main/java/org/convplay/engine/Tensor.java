package org.convplay.engine;

import java.util.Arrays;

/**
 * A block of float32 values of shape channels x height x width, the engine's one data type.
 * Storage is flat and row-major: {@code data[(c * height + y) * width + x]}.
 */
public final class Tensor {
    private final int channels;
    private final int height;
    private final int width;
    private final float[] data;

    public Tensor(int channels, int height, int width) {
        this(channels, height, width, new float[checkedSize(channels, height, width)]);
    }

    /** Wraps {@code data} without copying; it must hold exactly channels * height * width values. */
    public Tensor(int channels, int height, int width, float[] data) {
        int size = checkedSize(channels, height, width);
        if (data.length != size) {
            throw new IllegalArgumentException("data holds " + data.length + " values, shape "
                    + channels + "x" + height + "x" + width + " needs " + size);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.data = data;
    }

    private static int checkedSize(int channels, int height, int width) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("tensor dimensions must be positive, got "
                    + channels + "x" + height + "x" + width);
        }
        long size = (long) channels * height * width;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor of " + size + " values is too large");
        }
        return (int) size;
    }

    /** One channel from rows of numbers, {@code rows[y][x]}. Rows must all have the same length. */
    public static Tensor of(double[][] rows) {
        return of(new double[][][] {rows});
    }

    /** Channels first, {@code values[c][y][x]}. */
    public static Tensor of(double[][][] values) {
        int c = values.length;
        int h = c == 0 ? 0 : values[0].length;
        int w = h == 0 ? 0 : values[0][0].length;
        Tensor t = new Tensor(c, h, w);
        for (int ch = 0; ch < c; ch++) {
            if (values[ch].length != h) {
                throw new IllegalArgumentException("channel " + ch + " has " + values[ch].length + " rows, expected " + h);
            }
            for (int y = 0; y < h; y++) {
                if (values[ch][y].length != w) {
                    throw new IllegalArgumentException("row " + y + " of channel " + ch + " has "
                            + values[ch][y].length + " values, expected " + w);
                }
                for (int x = 0; x < w; x++) {
                    t.set(ch, y, x, (float) values[ch][y][x]);
                }
            }
        }
        return t;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The backing array, shared: engines read and write it directly for speed. */
    public float[] data() {
        return data;
    }

    public int[] shape() {
        return new int[] {channels, height, width};
    }

    public int index(int c, int y, int x) {
        return (c * height + y) * width + x;
    }

    public float get(int c, int y, int x) {
        return data[index(c, y, x)];
    }

    public void set(int c, int y, int x, float value) {
        data[index(c, y, x)] = value;
    }

    public double[][] toArray(int channel) {
        double[][] rows = new double[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rows[y][x] = get(channel, y, x);
            }
        }
        return rows;
    }

    public double[][][] toArray() {
        double[][][] out = new double[channels][][];
        for (int c = 0; c < channels; c++) {
            out[c] = toArray(c);
        }
        return out;
    }

    public Tensor copy() {
        return new Tensor(channels, height, width, data.clone());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.channels == channels && t.height == height && t.width == width
                && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + Arrays.hashCode(shape());
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape());
    }
}

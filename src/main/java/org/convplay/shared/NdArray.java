package org.convplay.shared;

import java.util.Arrays;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;

/**
 * A rectangular nested list of numbers as users write it (JSON or NumPy-style text):
 * {@code shape} outermost first, {@code values} flat in row-major order. It turns into the engine's
 * types once its rank is known.
 */
public record NdArray(int[] shape, double[] values) {

    public int rank() {
        return shape.length;
    }

    public static NdArray of(double[][] rows) {
        int h = rows.length;
        int w = h == 0 ? 0 : rows[0].length;
        double[] v = new double[h * w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(rows[y], 0, v, y * w, w);
        }
        return new NdArray(new int[] {h, w}, v);
    }

    public static NdArray of(Tensor t, boolean asMatrix) {
        float[] d = t.data();
        double[] v = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            v[i] = d[i];
        }
        int[] shape = asMatrix && t.channels() == 1 ? new int[] {t.height(), t.width()} : t.shape();
        return new NdArray(shape, v);
    }

    /**
     * The same values with the axes reordered, like NumPy's {@code transpose}: axis {@code i} of the result
     * is axis {@code axes[i]} of this array. Used to read and write the channels-last ("tf") layout.
     */
    public NdArray transpose(int... axes) {
        if (axes.length != shape.length) {
            throw new IllegalArgumentException("transpose needs " + shape.length + " axes, got " + axes.length);
        }
        int n = shape.length;
        int[] outShape = new int[n];
        for (int i = 0; i < n; i++) {
            outShape[i] = shape[axes[i]];
        }
        int[] strides = new int[n];
        for (int i = n - 1, stride = 1; i >= 0; stride *= shape[i], i--) {
            strides[i] = stride;
        }
        double[] out = new double[values.length];
        int[] index = new int[n];
        for (int k = 0; k < out.length; k++) {
            int source = 0;
            for (int i = 0; i < n; i++) {
                source += index[i] * strides[axes[i]];
            }
            out[k] = values[source];
            for (int i = n - 1; i >= 0 && ++index[i] == outShape[i]; i--) {
                index[i] = 0;
            }
        }
        return new NdArray(outShape, out);
    }

    /** rows[y][x] of a rank-2 array. */
    public double[][] toMatrix() {
        requireRank("matrix", 2);
        double[][] rows = new double[shape[0]][];
        for (int y = 0; y < shape[0]; y++) {
            rows[y] = Arrays.copyOfRange(values, y * shape[1], (y + 1) * shape[1]);
        }
        return rows;
    }

    /** An H x W array as one channel, or C x H x W as it is. */
    public Tensor toTensor(String field) {
        float[] data = toFloats();
        return switch (shape.length) {
            case 2 -> new Tensor(1, shape[0], shape[1], data);
            case 3 -> new Tensor(shape[0], shape[1], shape[2], data);
            default -> throw new BadRequestException(field + " must be H x W or C x H x W (2 or 3 levels of lists), got "
                    + shape.length + " level(s)");
        };
    }

    /** A kh x kw array as one filter over one channel, or F x C x kh x kw as it is. */
    public Kernel toKernel(String field, double[] bias) {
        float[] b = null;
        if (bias != null) {
            b = new float[bias.length];
            for (int i = 0; i < bias.length; i++) {
                b[i] = (float) bias[i];
            }
        }
        int filters = shape.length == 4 ? shape[0] : 1;
        if (b != null && b.length != filters) {
            throw new BadRequestException("bias has " + b.length + " value(s) but the kernel has " + filters
                    + " filter(s); give one bias per filter");
        }
        return switch (shape.length) {
            case 2 -> new Kernel(1, 1, shape[0], shape[1], toFloats(), b);
            case 4 -> new Kernel(shape[0], shape[1], shape[2], shape[3], toFloats(), b);
            default -> throw new BadRequestException(field + " must be kh x kw or F x C x kh x kw (2 or 4 levels of lists), got "
                    + shape.length + " level(s)");
        };
    }

    private float[] toFloats() {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }

    private void requireRank(String what, int rank) {
        if (shape.length != rank) {
            throw new IllegalStateException(what + " needs rank " + rank + ", has " + shape.length);
        }
    }

    /** Nested lists of numbers, {@code [[1, 2], [3, 4]]}, one row per line, as NumPy and JSON both read them. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        appendLevel(sb, 0, 0, 0);
        return sb.toString();
    }

    private int appendLevel(StringBuilder sb, int level, int offset, int indent) {
        sb.append('[');
        int n = shape[level];
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
                if (level == shape.length - 1) {
                    sb.append(' ');
                } else {
                    sb.append("\n".repeat(shape.length - 1 - level)).append(" ".repeat(level + 1));
                }
            }
            if (level == shape.length - 1) {
                sb.append(Numbers.format(values[offset++]));
            } else {
                offset = appendLevel(sb, level + 1, offset, indent + 1);
            }
        }
        sb.append(']');
        return offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray a && Arrays.equals(a.shape, shape) && Arrays.equals(a.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NdArray" + Arrays.toString(shape);
    }
}

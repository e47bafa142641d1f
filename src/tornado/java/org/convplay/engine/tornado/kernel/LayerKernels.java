package org.convplay.engine.tornado.kernel;

import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.math.TornadoMath;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.arrays.IntArray;

/**
 * The device code between a pipeline's convolutions, so that a layer's output never leaves the device on its way to
 * the next layer: padding for the next conv, the activations and pooling. Arrays are C x H x W,
 * {@code a[(c * h + y) * w + x]}, as {@link ConvolutionKernels} reads them. Lives beside it for the same class
 * loading reason.
 */
public final class LayerKernels {

    /** The activation codes {@link #activate} takes, in {@code org.convplay.engine.Activation}'s order. */
    public static final int RELU = 0;
    public static final int SIGMOID = 1;
    public static final int TANH = 2;
    public static final int LINEAR = 3;

    private LayerKernels() {
    }

    /**
     * The padded copy of {@code in} a conv reads: cell (y, x) of each channel's {@code rows x columns} is
     * {@code in[c][sourceY[y]][sourceX[x]]}, or 0 where either index is -1. The host works out the indices from the
     * border rule once per shape, so the device needs no rule of its own.
     */
    public static void pad(FloatArray in, IntArray sourceY, IntArray sourceX, FloatArray out, int values, int h, int w,
                           int rows, int columns) {
        for (@Parallel int idx = 0; idx < values; idx++) {
            int x = idx % columns;
            int rest = idx / columns;
            int y = rest % rows;
            int c = rest / rows;
            int sy = sourceY.get(y);
            int sx = sourceX.get(x);
            float v = 0f;
            if (sy >= 0 && sx >= 0) {
                v = in.get((c * h + sy) * w + sx);
            }
            out.set(idx, v);
        }
    }

    /** {@code out[i] = activation(in[i])}, {@code activation} one of {@link #RELU} .. {@link #LINEAR}. */
    public static void activate(FloatArray in, FloatArray out, int values, int activation) {
        for (@Parallel int i = 0; i < values; i++) {
            float v = in.get(i);
            float r = v;
            if (activation == RELU) {
                r = v > 0f ? v : 0f;
            } else if (activation == SIGMOID) {
                r = 1f / (1f + TornadoMath.exp(-v));
            } else if (activation == TANH) {
                r = TornadoMath.tanh(v);
            }
            out.set(i, r);
        }
    }

    /**
     * Max ({@code max == 1}) or average pooling of each channel, as {@code org.convplay.engine.Pooling} defines it:
     * window (oy, ox) covers rows {@code oy*sy - top ...} and columns {@code ox*sx - left ...}; padded cells never
     * win a max, and an average divides by its real cells, or by the cells inside the padded area when
     * {@code countPadding == 1} (PyTorch).
     */
    public static void pool(FloatArray in, FloatArray out, int outputs, int h, int w, int outH, int outW, int sizeY,
                            int sizeX, int sy, int sx, int top, int bottom, int left, int right, int max,
                            int countPadding) {
        for (@Parallel int idx = 0; idx < outputs; idx++) {
            int ox = idx % outW;
            int rest = idx / outW;
            int oy = rest % outH;
            int c = rest / outH;
            float best = Float.NEGATIVE_INFINITY;
            float sum = 0f;
            int real = 0;
            int area = 0;
            for (int j = 0; j < sizeY; j++) {
                int y = oy * sy + j - top;
                for (int i = 0; i < sizeX; i++) {
                    int x = ox * sx + i - left;
                    if (y >= -top && y < h + bottom && x >= -left && x < w + right) {
                        area++;
                    }
                    if (y >= 0 && y < h && x >= 0 && x < w) {
                        float v = in.get((c * h + y) * w + x);
                        best = TornadoMath.max(best, v);
                        sum += v;
                        real++;
                    }
                }
            }
            float value = best;
            if (max == 0) {
                value = sum / (countPadding == 1 ? area : real);
            }
            out.set(idx, value);
        }
    }
}

package org.convplay.engine;

/**
 * A second, independently written transcription of docs/conventions.md for the property tests. It works the
 * way one would in NumPy: materialise the padded array (np.pad), materialise the flipped and dilated
 * kernel, then slide a window over the padded array with no index arithmetic shared with the engine.
 * Returns null where no output exists (the engine must then refuse the request).
 */
final class NaiveOracle {

    private NaiveOracle() {
    }

    /** Where padded position {@code i} reads from, found by bouncing off the edges one step at a time; -1 for zero. */
    static int bounce(Border border, int i, int n) {
        int pos = i;
        switch (border) {
            case ZERO:
                return pos < 0 || pos >= n ? -1 : pos;
            case REPLICATE:
                return Math.min(Math.max(pos, 0), n - 1);
            case WRAP:
                while (pos < 0) {
                    pos += n;
                }
                while (pos >= n) {
                    pos -= n;
                }
                return pos;
            case REFLECT:
                if (n == 1) {
                    return 0;
                }
                while (pos < 0 || pos >= n) {
                    pos = pos < 0 ? -pos : 2 * (n - 1) - pos;
                }
                return pos;
            case SYMMETRIC:
                while (pos < 0 || pos >= n) {
                    pos = pos < 0 ? -pos - 1 : 2 * n - 1 - pos;
                }
                return pos;
            default:
                throw new AssertionError(border);
        }
    }

    /** {before, after, keep}: keep is how many outputs to keep from the start (Integer.MAX_VALUE: all). */
    static int[] convPads(ConvSpec spec, boolean vertical, int n, int k, int s, int d) {
        int extent = (k - 1) * d + 1;
        Padding p = spec.padding();
        switch (p.mode()) {
            case VALID:
                return new int[] {0, 0, Integer.MAX_VALUE};
            case FULL:
                return new int[] {extent - 1, extent - 1, Integer.MAX_VALUE};
            case HALF:
                return new int[] {extent / 2, extent / 2, Integer.MAX_VALUE};
            case EXPLICIT:
                return vertical ? new int[] {p.top(), p.bottom(), Integer.MAX_VALUE}
                        : new int[] {p.left(), p.right(), Integer.MAX_VALUE};
            case SAME:
                int outputs = (n + s - 1) / s;
                if (spec.sameSide() == SameSide.THEANO) {
                    // what Keras 1 does: Theano 'half', then slice [:ceil(n/s)]
                    return new int[] {extent / 2, extent / 2, outputs};
                }
                int total = Math.max((outputs - 1) * s + extent - n, 0);
                int small = total / 2;
                int large = total - small;
                return spec.sameSide() == SameSide.AFTER ? new int[] {small, large, Integer.MAX_VALUE}
                        : new int[] {large, small, Integer.MAX_VALUE};
            default:
                throw new AssertionError(p);
        }
    }

    static double[][][] convolve(double[][][] x, double[][][][] w, double[] bias, ConvSpec spec) {
        int channels = x.length;
        int h = x[0].length;
        int wd = x[0][0].length;
        int filters = w.length;
        int perGroup = w[0].length;
        int kh = w[0][0].length;
        int kw = w[0][0][0].length;
        int g = spec.groups();
        if (channels % g != 0 || filters % g != 0 || perGroup * g != channels) {
            return null;
        }
        int[] py = convPads(spec, true, h, kh, spec.strideY(), spec.dilationY());
        int[] px = convPads(spec, false, wd, kw, spec.strideX(), spec.dilationX());
        double[][][] padded = pad(x, py[0], py[1], px[0], px[1], spec.border());
        // the kernel actually applied: rotated when flipping, then spread out by the dilation
        int ey = (kh - 1) * spec.dilationY() + 1;
        int ex = (kw - 1) * spec.dilationX() + 1;
        double[][][][] k = new double[filters][perGroup][ey][ex];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < perGroup; c++) {
                for (int j = 0; j < kh; j++) {
                    for (int i = 0; i < kw; i++) {
                        double v = spec.flip() ? w[f][c][kh - 1 - j][kw - 1 - i] : w[f][c][j][i];
                        k[f][c][j * spec.dilationY()][i * spec.dilationX()] = v;
                    }
                }
            }
        }
        int oh = Math.min(count(padded[0].length, ey, spec.strideY()), py[2]);
        int ow = Math.min(count(padded[0][0].length, ex, spec.strideX()), px[2]);
        if (oh < 1 || ow < 1) {
            return null;
        }
        double[][][] out = new double[filters][oh][ow];
        for (int f = 0; f < filters; f++) {
            int firstChannel = f / (filters / g) * perGroup;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double sum = bias == null ? 0 : bias[f];
                    for (int c = 0; c < perGroup; c++) {
                        for (int j = 0; j < ey; j++) {
                            for (int i = 0; i < ex; i++) {
                                sum += padded[firstChannel + c][oy * spec.strideY() + j][ox * spec.strideX() + i] * k[f][c][j][i];
                            }
                        }
                    }
                    out[f][oy][ox] = sum;
                }
            }
        }
        return out;
    }

    /** How many windows of length {@code e} fit in {@code length} cells moving by {@code s}, by counting them. */
    private static int count(int length, int e, int s) {
        int n = 0;
        for (int start = 0; start + e <= length; start += s) {
            n++;
        }
        return n;
    }

    /** np.pad of every channel; a null border marks padded cells as NaN (absent). */
    static double[][][] pad(double[][][] x, int top, int bottom, int left, int right, Border border) {
        int h = x[0].length;
        int w = x[0][0].length;
        double[][][] out = new double[x.length][h + top + bottom][w + left + right];
        for (int c = 0; c < x.length; c++) {
            for (int y = 0; y < out[c].length; y++) {
                for (int xx = 0; xx < out[c][y].length; xx++) {
                    int sy = border == null ? inside(y - top, h) : bounce(border, y - top, h);
                    int sx = border == null ? inside(xx - left, w) : bounce(border, xx - left, w);
                    out[c][y][xx] = sy < 0 || sx < 0 ? (border == null ? Double.NaN : 0) : x[c][sy][sx];
                }
            }
        }
        return out;
    }

    private static int inside(int i, int n) {
        return i < 0 || i >= n ? -1 : i;
    }

    /** {before, after, keep} for pooling one axis, or null where the convention has no such padding. */
    static int[] poolPads(Padding p, Convention c, boolean vertical, int n, int size, int s) {
        switch (p.mode()) {
            case VALID:
                return new int[] {0, 0, Integer.MAX_VALUE};
            case EXPLICIT:
                return vertical ? new int[] {p.top(), p.bottom(), Integer.MAX_VALUE}
                        : new int[] {p.left(), p.right(), Integer.MAX_VALUE};
            case SAME:
                int outputs = (n + s - 1) / s;
                if (c == Convention.PYTORCH) {
                    return null;
                }
                if (c == Convention.THEANO) {
                    int pad = size % 2 == 0 ? size - 1 : Math.max(size - 2, 0);
                    return new int[] {pad, pad, outputs};
                }
                int total = Math.max((outputs - 1) * s + size - n, 0);
                return new int[] {total / 2, total - total / 2, Integer.MAX_VALUE};
            default:
                throw new AssertionError(p);
        }
    }

    static double[][][] pool(boolean max, double[][][] x, PoolSpec spec, Convention c) {
        int h = x[0].length;
        int w = x[0][0].length;
        int[] py = poolPads(spec.padding(), c, true, h, spec.sizeY(), spec.strideY());
        int[] px = poolPads(spec.padding(), c, false, w, spec.sizeX(), spec.strideX());
        if (py == null || px == null) {
            return null;
        }
        double[][][] padded = pad(x, py[0], py[1], px[0], px[1], null);
        int oh = Math.min(count(padded[0].length, spec.sizeY(), spec.strideY()), py[2]);
        int ow = Math.min(count(padded[0][0].length, spec.sizeX(), spec.strideX()), px[2]);
        if (oh < 1 || ow < 1) {
            return null;
        }
        double[][][] out = new double[x.length][oh][ow];
        for (int ch = 0; ch < x.length; ch++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double best = Double.NEGATIVE_INFINITY;
                    double sum = 0;
                    int present = 0;
                    for (int j = 0; j < spec.sizeY(); j++) {
                        for (int i = 0; i < spec.sizeX(); i++) {
                            double v = padded[ch][oy * spec.strideY() + j][ox * spec.strideX() + i];
                            if (!Double.isNaN(v)) {
                                best = Math.max(best, v);
                                sum += v;
                                present++;
                            }
                        }
                    }
                    if (present == 0) {
                        return null;
                    }
                    int divisor = c == Convention.PYTORCH ? spec.sizeY() * spec.sizeX() : present;
                    out[ch][oy][ox] = max ? best : sum / divisor;
                }
            }
        }
        return out;
    }
}

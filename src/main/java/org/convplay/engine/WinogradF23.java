package org.convplay.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Winograd's minimal filtering F(2x2, 3x3) for 3x3 kernels, stride 1, no dilation: each 2x2 block of outputs
 * from a 4x4 input tile with 16 multiplications per channel instead of 36, so 2.25 times fewer operations than
 * the direct method. It wins on layers with many channels and filters, where nearly all the time is the
 * channel sum (it becomes 16 small matrix products done with {@link FastCpuEngine#accumulate}); with few channels
 * the transforms cost more than they save. Rounding: the transforms only add, subtract and halve, so results
 * stay within a few float32 ulps of {@code sum |w*x|}, like the direct method.
 *
 * <p>Transforms (Lavin and Gray, "Fast Algorithms for Convolutional Neural Networks", 2015):
 * {@code V = Bt d B} per 4x4 input tile d, {@code U = G g Gt} per 3x3 kernel g, {@code M = sum over channels of U*V}
 * element-wise, output {@code Y = At M A} per tile, with
 * {@code Bt = [1 0 -1 0; 0 1 1 0; 0 -1 1 0; 0 1 0 -1]}, {@code G = [1 0 0; .5 .5 .5; .5 -.5 .5; 0 0 1]},
 * {@code At = [1 1 1 0; 0 1 -1 -1]}.
 *
 * <p>How it is organised, and why:
 * <ul>
 *   <li><b>Two parallel steps.</b> First every channel's input transform, into {@code v[xi][c][tile]}; then blocks of
 *   filters, each taken by one task through its 16 products and straight on to its output transform while the
 *   products are still in cache. (The products need every channel of a tile, the output transform every product of a
 *   filter, so these are the only two joins; the third one of an earlier version, before the output transform, cost
 *   a thread wake-up for nothing.)</li>
 *   <li><b>Long product loops.</b> The products loop runs over all tiles at once (up to {@link #MAX_CHUNK}): measured on
 *   Zen with Java 17, 5-tap passes over 64 tiles ran at half the speed of passes over 784, because C2's scalar
 *   pre- and post-loops around the vector loop cost as much as 32 vector iterations. Shorter loops over blocks of
 *   tiles that stay in L2 were tried and lost to that; a filter block re-reading the 3 MiB of transformed input from L3
 *   costs far less.</li>
 *   <li><b>Workspaces per thread</b> ({@link Scratch}), reused from call to call: no megabytes of fresh arrays for the
 *   allocator to zero on every run.</li>
 *   <li><b>Transformed weights cached per kernel</b> ({@link #transformedWeights}): a layer runs many times with the
 *   same weights; the cache compares the weights themselves, so weights changed in place are seen.</li>
 * </ul>
 */
final class WinogradF23 {

    /** Transformed input plus products, in floats, had they all been held at once: above this the direct method runs. */
    static final long MAX_WORKSPACE = 16L << 20;
    /**
     * Most tiles per products loop: the accumulator (4 KiB) stays in L1 while channels stream past, and a task's
     * products (16 x {@link #FILTER_BLOCK} x this, 512 KiB) about fit in L2 for its output transform.
     */
    static final int MAX_CHUNK = 1024;
    /**
     * Filters per task: every task reads all of the transformed input once, so more filters per task means less of
     * that; fewer means more tasks to balance two loaded cores. 8 measured best for 64 filters at 56x56.
     */
    static final int FILTER_BLOCK = 8;

    private WinogradF23() {
    }

    /** Whether this variant computes {@code spec} for this kernel at all (shape, stride, dilation). */
    static boolean supports(Kernel kernel, ConvSpec spec) {
        return kernel.height() == 3 && kernel.width() == 3 && spec.strideY() == 1 && spec.strideX() == 1
                && spec.dilationY() == 1 && spec.dilationX() == 1;
    }

    static long workspace(int channels, int filters, ConvGeometry.Plan plan) {
        long tiles = (long) ConvGeometry.ceilDiv(plan.outHeight(), 2) * ConvGeometry.ceilDiv(plan.outWidth(), 2);
        return 16 * (channels + filters) * tiles;
    }

    static Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan) {
        Layer layer = new Layer(input, kernel, spec, plan, transformedWeights(kernel, spec));
        int channels = input.channels();
        Scratch own = Scratch.acquire();
        try {
            // the transformed input of the whole layer lives in the calling thread's scratch; helpers fill and read it
            layer.v = own.input(channels, layer.tiles);
            Parallel.forEach(channels, c -> {
                Scratch s = Scratch.acquire();
                try {
                    layer.transformInput(s, c);
                } finally {
                    s.release();
                }
            });
            int tasks = spec.groups() * layer.filterBlocks * layer.chunks;
            // tasks are already coarse: each is claimed on its own, so a slowed core simply takes fewer
            Parallel.forEach(tasks, Integer.MAX_VALUE, task -> {
                Scratch s = Scratch.acquire();
                try {
                    layer.run(s, task / layer.chunks, task % layer.chunks);
                } finally {
                    s.release();
                }
            });
        } finally {
            own.release();
        }
        return layer.out;
    }

    /** Identity-keyed (Kernel has no equals): one entry per live kernel, dropped with it. */
    private static final Map<Kernel, Transformed> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /** {@link #transformKernel}'s result and what it was computed from. */
    private record Transformed(float[] weights, boolean flip, float[][][] u) {
    }

    /**
     * {@link #transformKernel} for this kernel, from the cache when the kernel's weights still equal the ones it was
     * computed from (comparing them costs a few microseconds; the transform itself a hundred or so).
     */
    static float[][][] transformedWeights(Kernel kernel, ConvSpec spec) {
        Transformed t = CACHE.get(kernel);
        if (t != null && t.flip() == spec.flip() && Arrays.equals(t.weights(), kernel.weights())) {
            return t.u();
        }
        float[][][] u = transformKernel(kernel, spec);
        CACHE.put(kernel, new Transformed(kernel.weights().clone(), spec.flip(), u));
        return u;
    }

    /** One convolution: shapes resolved once, then the two parallel steps of {@link #convolve}. */
    private static final class Layer {
        final float[] in;
        final int height;
        final int width;
        final int cpg;
        final int fpg;
        final int top;
        final int left;
        final Border border;
        final int tilesY;
        final int tilesX;
        final int tiles;
        /** Tiles per products loop, and how many such chunks there are. */
        final int chunk;
        final int chunks;
        /** Blocks of {@link #FILTER_BLOCK} filters per group. */
        final int filterBlocks;
        /** For each column of the padded image (2 * tilesX + 2 of them), the input column it shows, or -1 for zero. */
        final int[] srcCol;
        /** u[xi][f][c]: the transformed weights. */
        final float[][][] u;
        final float[] bias;
        final Tensor out;
        /** v[xi][c][tile]: the transformed input, set by {@link #convolve}. */
        float[][][] v;

        Layer(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, float[][][] u) {
            this.in = input.data();
            this.height = input.height();
            this.width = input.width();
            this.cpg = kernel.channelsPerGroup();
            this.fpg = kernel.filters() / spec.groups();
            this.top = plan.pads().top();
            this.left = plan.pads().left();
            this.border = spec.border();
            this.tilesY = ConvGeometry.ceilDiv(plan.outHeight(), 2);
            this.tilesX = ConvGeometry.ceilDiv(plan.outWidth(), 2);
            this.tiles = tilesY * tilesX;
            // equal chunks of a multiple of 8 tiles (one AVX2 vector), so that no chunk ends in a short scalar tail
            int wanted = ConvGeometry.ceilDiv(tiles, ConvGeometry.ceilDiv(tiles, MAX_CHUNK));
            this.chunk = Math.min(tiles, ConvGeometry.ceilDiv(wanted, 8) * 8);
            this.chunks = ConvGeometry.ceilDiv(tiles, chunk);
            this.filterBlocks = ConvGeometry.ceilDiv(fpg, FILTER_BLOCK);
            this.srcCol = new int[2 * tilesX + 2];
            for (int x = 0; x < srcCol.length; x++) {
                srcCol[x] = border.sourceIndex(x - left, width);
            }
            this.u = u;
            this.bias = kernel.bias();
            this.out = new Tensor(kernel.filters(), plan.outHeight(), plan.outWidth());
        }

        /**
         * Filter block {@code task / filterBlocks} of all groups' blocks (group first), tiles of chunk {@code ch}: the 16
         * products {@code m[xi][k][p] = sum over the group's channels c of u[xi][f][c] * v[xi][c][p]}, then their
         * output transform. xi runs outermost so that v[xi] of the group (channels x tiles, 200 KiB for 64 channels at
         * 56x56) stays in L2 while every filter of the block reads it; one filter's accumulator stays in L1 meanwhile.
         */
        void run(Scratch s, int task, int ch) {
            int g = task / filterBlocks;
            int f0 = g * fpg + task % filterBlocks * FILTER_BLOCK;
            int nf = Math.min(FILTER_BLOCK, (g + 1) * fpg - f0);
            int p0 = ch * chunk;
            int p1 = Math.min(tiles, p0 + chunk);
            // indexed by tile like v (accumulate needs one index for all its arrays); only p0 .. p1 is touched
            float[][][] m = s.products(p1);
            for (int xi = 0; xi < 16; xi++) {
                // FastCpuEngine.accumulate pairs sources[c] with weights[c]: the group's channels from index 0
                float[][] sources = g == 0 ? v[xi] : Arrays.copyOfRange(v[xi], g * cpg, (g + 1) * cpg);
                for (int k = 0; k < nf; k++) {
                    float[] acc = m[xi][k];
                    float[] w = u[xi][f0 + k];
                    int c = 0;
                    if (cpg >= 5) {
                        // the first pass sets the accumulator: no separate pass to clear it
                        first5(acc, p0, p1, sources, w);
                        c = 5;
                    } else {
                        Arrays.fill(acc, p0, p1, 0f);
                    }
                    for (; c < cpg; c += 5) {
                        FastCpuEngine.accumulate(acc, p0, p1, sources, w, c, Math.min(5, cpg - c));
                    }
                }
            }
            for (int k = 0; k < nf; k++) {
                transformOutput(m, k, f0 + k, p0, p1);
            }
        }

        /** {@code acc[p] = sum over c < 5 of w[c] * sources[c][p]}: {@link FastCpuEngine#taps5} without the old value. */
        private static void first5(float[] acc, int from, int to, float[][] sources, float[] w) {
            float[] s0 = sources[0];
            float[] s1 = sources[1];
            float[] s2 = sources[2];
            float[] s3 = sources[3];
            float[] s4 = sources[4];
            float w0 = w[0];
            float w1 = w[1];
            float w2 = w[2];
            float w3 = w[3];
            float w4 = w[4];
            for (int p = from; p < to; p++) {
                acc[p] = w0 * s0[p] + (w1 * s1[p] + w2 * s2[p]) + (w3 * s3[p] + w4 * s4[p]);
            }
        }

        /** {@code Bt d B} for every tile of input channel c, into {@code v[xi][c][tile]}; tiles start every 2 rows and columns. */
        void transformInput(Scratch s, int c) {
            int rows = 2 * tilesY + 2;
            int cols = 2 * tilesX + 2;
            float[] padded = s.padded(rows * cols);
            pad(padded, c, 0, rows, 0, cols);
            float[][] o = new float[16][];
            for (int xi = 0; xi < 16; xi++) {
                o[xi] = v[xi][c];
            }
            // Scalar on purpose: tiles overlap by two columns, and strided reads are exactly what C2 on Java 17 will not
            // vectorise; spelled out in locals so nothing goes through memory between the two half-transforms.
            for (int ty = 0; ty < tilesY; ty++) {
                int row0 = 2 * ty * cols;
                for (int tx = 0; tx < tilesX; tx++) {
                    int b0 = row0 + 2 * tx;
                    int b1 = b0 + cols;
                    int b2 = b1 + cols;
                    int b3 = b2 + cols;
                    int p = ty * tilesX + tx;
                        // Bt d: rows combined, for each of the 4 columns
                        float t00 = padded[b0] - padded[b2];
                        float t01 = padded[b0 + 1] - padded[b2 + 1];
                        float t02 = padded[b0 + 2] - padded[b2 + 2];
                        float t03 = padded[b0 + 3] - padded[b2 + 3];
                        float t10 = padded[b1] + padded[b2];
                        float t11 = padded[b1 + 1] + padded[b2 + 1];
                        float t12 = padded[b1 + 2] + padded[b2 + 2];
                        float t13 = padded[b1 + 3] + padded[b2 + 3];
                        float t20 = padded[b2] - padded[b1];
                        float t21 = padded[b2 + 1] - padded[b1 + 1];
                        float t22 = padded[b2 + 2] - padded[b1 + 2];
                        float t23 = padded[b2 + 3] - padded[b1 + 3];
                        float t30 = padded[b1] - padded[b3];
                        float t31 = padded[b1 + 1] - padded[b3 + 1];
                        float t32 = padded[b1 + 2] - padded[b3 + 2];
                        float t33 = padded[b1 + 3] - padded[b3 + 3];
                        // (Bt d) B: columns combined, for each of the 4 rows
                        o[0][p] = t00 - t02;
                        o[1][p] = t01 + t02;
                        o[2][p] = t02 - t01;
                        o[3][p] = t01 - t03;
                        o[4][p] = t10 - t12;
                        o[5][p] = t11 + t12;
                        o[6][p] = t12 - t11;
                        o[7][p] = t11 - t13;
                        o[8][p] = t20 - t22;
                        o[9][p] = t21 + t22;
                        o[10][p] = t22 - t21;
                        o[11][p] = t21 - t23;
                        o[12][p] = t30 - t32;
                        o[13][p] = t31 + t32;
                        o[14][p] = t32 - t31;
                        o[15][p] = t31 - t33;
                }
            }
        }

        /**
         * Rows {@code r0 .. r0+rows-1}, columns {@code c0 .. c0+cols-1} of the padded image of one input channel, as
         * the spec pads it (tiles start every 2 rows and columns of it). Cells past the padded image's end (when the
         * output size is odd) only feed outputs that are dropped.
         */
        private void pad(float[] padded, int channel, int r0, int rows, int c0, int cols) {
            // the columns that are one contiguous run of the input row
            int lo = Math.max(0, Math.min(cols, left - c0));
            int hi = Math.max(lo, Math.min(cols, left + width - c0));
            for (int r = 0; r < rows; r++) {
                int dst = r * cols;
                int sy = border.sourceIndex(r0 + r - top, height);
                if (sy < 0) {
                    Arrays.fill(padded, dst, dst + cols, 0f);
                    continue;
                }
                int src = (channel * height + sy) * width;
                if (hi > lo) {
                    System.arraycopy(in, src + c0 + lo - left, padded, dst + lo, hi - lo);
                }
                for (int x = 0; x < lo; x++) {
                    int col = srcCol[c0 + x];
                    padded[dst + x] = col < 0 ? 0f : in[src + col];
                }
                for (int x = hi; x < cols; x++) {
                    int col = srcCol[c0 + x];
                    padded[dst + x] = col < 0 ? 0f : in[src + col];
                }
            }
        }

        /** {@code At M A} for tiles p0 .. p1-1 of filter f (products in m[xi][k]), plus bias, into the output. */
        private void transformOutput(float[][][] m, int k, int f, int p0, int p1) {
            int oh = out.height();
            int ow = out.width();
            float[] data = out.data();
            float b = bias == null ? 0f : bias[f];
            float[] m0 = m[0][k];
            float[] m1 = m[1][k];
            float[] m2 = m[2][k];
            float[] m3 = m[3][k];
            float[] m4 = m[4][k];
            float[] m5 = m[5][k];
            float[] m6 = m[6][k];
            float[] m7 = m[7][k];
            float[] m8 = m[8][k];
            float[] m9 = m[9][k];
            float[] m10 = m[10][k];
            float[] m11 = m[11][k];
            float[] m12 = m[12][k];
            float[] m13 = m[13][k];
            float[] m14 = m[14][k];
            float[] m15 = m[15][k];
            int ty = p0 / tilesX;
            int tx = p0 % tilesX;
            for (int p = p0; p < p1; p++) {
                // t = At M (2x4)
                float t00 = m0[p] + m4[p] + m8[p];
                float t01 = m1[p] + m5[p] + m9[p];
                float t02 = m2[p] + m6[p] + m10[p];
                float t03 = m3[p] + m7[p] + m11[p];
                float t10 = m4[p] - m8[p] - m12[p];
                float t11 = m5[p] - m9[p] - m13[p];
                float t12 = m6[p] - m10[p] - m14[p];
                float t13 = m7[p] - m11[p] - m15[p];
                int y = 2 * ty;
                int x = 2 * tx;
                int base = (f * oh + y) * ow + x;
                data[base] = b + (t00 + t01 + t02);
                if (x + 1 < ow) {
                    data[base + 1] = b + (t01 - t02 - t03);
                }
                if (y + 1 < oh) {
                    data[base + ow] = b + (t10 + t11 + t12);
                    if (x + 1 < ow) {
                        data[base + ow + 1] = b + (t11 - t12 - t13);
                    }
                }
                if (++tx == tilesX) {
                    tx = 0;
                    ty++;
                }
            }
        }
    }

    /**
     * One thread's scratch arrays, kept between calls (they only grow, to the largest layer the thread has run):
     * the padded input channel of an input transform, a task's products {@code m[xi][k]}, and, for a thread that
     * calls {@link #convolve}, the layer's transformed input {@code v[xi][c]}, one array per (xi, c) so that the
     * channel sum is the same-index loop C2 vectorises. A thread that needs scratch while its own is in use (it
     * helps another convolution while waiting for its own) gets a fresh one for that use.
     */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> OF_THREAD = ThreadLocal.withInitial(Scratch::new);

        private boolean busy;
        private float[] padded = new float[0];
        private float[][][] m = new float[16][0][0];
        private float[][][] v = new float[16][0][0];

        static Scratch acquire() {
            Scratch s = OF_THREAD.get();
            if (s.busy) {
                return new Scratch();
            }
            s.busy = true;
            return s;
        }

        void release() {
            busy = false;
        }

        float[] padded(int size) {
            if (padded.length < size) {
                padded = new float[size];
            }
            return padded;
        }

        /** {@code m[xi][k]}, k < {@link #FILTER_BLOCK}, each at least n long. */
        float[][][] products(int n) {
            if (m[0].length == 0 || m[0][0].length < n) {
                m = new float[16][FILTER_BLOCK][n];
            }
            return m;
        }

        /** {@code v[xi][c]}, c < channels, each at least tiles long. */
        float[][][] input(int channels, int tiles) {
            if (v[0].length < channels || v[0].length > 0 && v[0][0].length < tiles) {
                v = new float[16][Math.max(channels, v[0].length)][Math.max(tiles, v[0].length > 0 ? v[0][0].length : 0)];
            }
            return v;
        }
    }

    /** {@code u[xi][f][c] = (G g Gt)[xi]} for each filter and channel of its group, flipped first for convolution. */
    private static float[][][] transformKernel(Kernel kernel, ConvSpec spec) {
        int filters = kernel.filters();
        int cpg = kernel.channelsPerGroup();
        float[][][] u = new float[16][filters][cpg];
        float[] g = new float[9];
        float[] t = new float[12];
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < cpg; c++) {
                for (int j = 0; j < 3; j++) {
                    for (int i = 0; i < 3; i++) {
                        g[3 * j + i] = spec.flip() ? kernel.weight(f, c, 2 - j, 2 - i) : kernel.weight(f, c, j, i);
                    }
                }
                // t = G g (4x3)
                for (int i = 0; i < 3; i++) {
                    float g0 = g[i];
                    float g1 = g[3 + i];
                    float g2 = g[6 + i];
                    t[i] = g0;
                    t[3 + i] = 0.5f * (g0 + g1 + g2);
                    t[6 + i] = 0.5f * (g0 - g1 + g2);
                    t[9 + i] = g2;
                }
                // U = t Gt (4x4)
                for (int y = 0; y < 4; y++) {
                    float a0 = t[3 * y];
                    float a1 = t[3 * y + 1];
                    float a2 = t[3 * y + 2];
                    u[4 * y][f][c] = a0;
                    u[4 * y + 1][f][c] = 0.5f * (a0 + a1 + a2);
                    u[4 * y + 2][f][c] = 0.5f * (a0 - a1 + a2);
                    u[4 * y + 3][f][c] = a2;
                }
            }
        }
        return u;
    }

}

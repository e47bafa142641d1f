package org.convplay.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;

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
 */
final class WinogradF23 {

    /** Transformed input plus products, in floats: above this the direct method runs instead (memory bound). */
    static final long MAX_WORKSPACE = 16L << 20;

    /**
     * Most tiles per products loop. Long loops matter: C2's scalar pre- and post-loops around the vector loop cost
     * about as much as 32 vector iterations, so 64 x 64 channels at 56x56 ran 7% faster as one 784-tile loop than as
     * 512 + 272 (and 5-tap passes over 64 tiles at half the speed of passes over 784).
     */
    static final int MAX_CHUNK = 1024;
    /**
     * Filters whose accumulators (each a chunk long) take turns on the same five source chunks: 8 x 4 KiB stays in L1.
     * From 2 to 32 measured within noise of each other with 784-tile chunks.
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
        int tiles = ConvGeometry.ceilDiv(plan.outHeight(), 2) * ConvGeometry.ceilDiv(plan.outWidth(), 2);
        Scratch scratch = Scratch.acquire(input.channels(), kernel.filters(), tiles);
        try {
            return convolve(input, kernel, spec, plan, scratch.v, scratch.m);
        } finally {
            scratch.release();
        }
    }

    private static Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan,
                                   float[][][] v, float[][][] m) {
        int channels = input.channels();
        int filters = kernel.filters();
        int groups = spec.groups();
        int cpg = kernel.channelsPerGroup();
        int fpg = filters / groups;
        int oh = plan.outHeight();
        int ow = plan.outWidth();
        int tilesY = ConvGeometry.ceilDiv(oh, 2);
        int tilesX = ConvGeometry.ceilDiv(ow, 2);
        int tiles = tilesY * tilesX;

        // v[xi][c]: element xi (0..15, row-major 4x4) of every tile's transformed input, one array per (xi, c)
        // so that the channel sum below is the same-index loop C2 vectorises
        Parallel.forEach(channels, c -> transformInput(input, c, spec, plan, tilesY, tilesX, v));

        float[][][] u = transformedWeights(kernel, spec);

        // m[xi][f] = sum over the group's channels c of u[xi][f][c] * v[xi][c], tile by tile
        // one task per (xi, group): v[xi] of the group (C/g x tiles, about 200 KB for 64 channels of 56x56) stays in
        // L2 while every filter block reads it; within a block, accumulators stay in L1 while sources stream past
        int fb = Math.min(fpg, FILTER_BLOCK);
        // equal chunks of at most MAX_CHUNK tiles, a multiple of 8 (one AVX2 vector) so none ends in a short scalar tail
        int wanted = ConvGeometry.ceilDiv(tiles, ConvGeometry.ceilDiv(tiles, MAX_CHUNK));
        int chunk = Math.min(tiles, ConvGeometry.ceilDiv(wanted, 8) * 8);
        Parallel.forEach(16 * groups, task -> {
            int xi = task / groups;
            int g = task % groups;
            float[][] sources = new float[cpg][];
            System.arraycopy(v[xi], g * cpg, sources, 0, cpg);
            for (int f0 = g * fpg; f0 < (g + 1) * fpg; f0 += fb) {
                int f1 = Math.min(f0 + fb, (g + 1) * fpg);
                for (int p0 = 0; p0 < tiles; p0 += chunk) {
                    int p1 = Math.min(tiles, p0 + chunk);
                    // the accumulators hold an earlier call's values: the first pass sets them instead of adding
                    int c0 = Math.min(5, cpg);
                    for (int f = f0; f < f1; f++) {
                        if (c0 == 5) {
                            first5(m[xi][f], p0, p1, sources, u[xi][f]);
                        } else {
                            Arrays.fill(m[xi][f], p0, p1, 0f);
                            FastCpuEngine.accumulate(m[xi][f], p0, p1, sources, u[xi][f], 0, c0);
                        }
                    }
                    for (int c = c0; c < cpg; c += 5) {
                        int n = Math.min(5, cpg - c);
                        for (int f = f0; f < f1; f++) {
                            FastCpuEngine.accumulate(m[xi][f], p0, p1, sources, u[xi][f], c, n);
                        }
                    }
                }
            }
        });

        Tensor out = new Tensor(filters, oh, ow);
        Parallel.forEach(filters, f -> transformOutput(m, f, kernel.biasOf(f), out, tilesX, tiles));
        return out;
    }

    /**
     * {@code acc[p] = sum over c < 5 of w[c] * sources[c][p]}: {@link FastCpuEngine#taps5} onto a zero accumulator
     * (bit for bit, as 0 + x is x), without reading it; saves one pass of the fourteen over each accumulator.
     */
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

    /** Identity-keyed (Kernel has no equals): one entry per live kernel, dropped with it. */
    private static final Map<Kernel, Transformed> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /** {@link #transformKernel}'s result and what it was computed from. */
    private record Transformed(float[] weights, boolean flip, float[][][] u) {
    }

    /**
     * {@link #transformKernel} for this kernel, from the cache when the kernel's weights still equal the ones it was
     * computed from: a layer runs many times with the same weights, and comparing them (a few microseconds) is far
     * cheaper than transforming them again (measured 0.15 ms of a 2.8 ms 64-channel layer). Comparing the values
     * rather than trusting the Kernel object means weights changed in place are seen.
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

    /**
     * A workspace kept from call to call: the transformed input {@code v[xi][c]} and the products {@code m[xi][f]},
     * each {@code tiles} long (6 MiB for 64 to 64 channels at 56x56). Allocating them afresh made the allocator zero
     * that much on every run; measured, the input transform took a third longer. One workspace is kept for the whole
     * JVM, not one per thread (a server's many request threads would each hold one): a call takes it when it fits and
     * nobody holds it, and otherwise allocates its own, which it leaves behind for the next call when done. Workspaces
     * above {@link #KEEP} floats are never kept.
     */
    private static final class Scratch {
        /** Largest workspace kept, in floats (16 MiB). */
        static final long KEEP = 4L << 20;
        private static final AtomicReference<Scratch> KEPT = new AtomicReference<>();

        final float[][][] v;
        final float[][][] m;

        private Scratch(int channels, int filters, int tiles) {
            this.v = new float[16][channels][tiles];
            this.m = new float[16][filters][tiles];
        }

        static Scratch acquire(int channels, int filters, int tiles) {
            Scratch s = KEPT.getAndSet(null);
            if (s != null && s.v[0].length == channels && s.m[0].length == filters && s.v[0][0].length == tiles) {
                return s;
            }
            if (s != null) {
                KEPT.compareAndSet(null, s);
            }
            return new Scratch(channels, filters, tiles);
        }

        void release() {
            if (16L * (v[0].length + m[0].length) * v[0][0].length <= KEEP) {
                KEPT.set(this);
            }
        }
    }

    /** {@code Bt d B} for every 4x4 tile of one padded channel; tiles start every 2 rows and columns. */
    private static void transformInput(Tensor input, int c, ConvSpec spec, ConvGeometry.Plan plan, int tilesY, int tilesX,
                                       float[][][] v) {
        int rows = 2 * tilesY + 2;
        int cols = 2 * tilesX + 2;
        float[] padded = pad(input, c, spec.border(), plan.pads().top(), plan.pads().left(), rows, cols);
        float[][] out = new float[16][];
        for (int xi = 0; xi < 16; xi++) {
            out[xi] = v[xi][c];
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
                int tile = ty * tilesX + tx;
                // (Bt d) B: columns combined, for each of the 4 rows
                out[0][tile] = t00 - t02;
                out[1][tile] = t01 + t02;
                out[2][tile] = t02 - t01;
                out[3][tile] = t01 - t03;
                out[4][tile] = t10 - t12;
                out[5][tile] = t11 + t12;
                out[6][tile] = t12 - t11;
                out[7][tile] = t11 - t13;
                out[8][tile] = t20 - t22;
                out[9][tile] = t21 + t22;
                out[10][tile] = t22 - t21;
                out[11][tile] = t21 - t23;
                out[12][tile] = t30 - t32;
                out[13][tile] = t31 + t32;
                out[14][tile] = t32 - t31;
                out[15][tile] = t31 - t33;
            }
        }
    }

    /**
     * Channel c padded as the spec says, {@code rows x cols} from the top-left of the padded image. Cells past
     * the padded image's end (when the output size is odd) only feed outputs that are dropped.
     */
    private static float[] pad(Tensor input, int c, Border border, int top, int left, int rows, int cols) {
        int h = input.height();
        int w = input.width();
        float[] data = input.data();
        float[] padded = new float[rows * cols];
        int[] srcCol = new int[cols];
        for (int x = 0; x < cols; x++) {
            srcCol[x] = border.sourceIndex(x - left, w);
        }
        int lo = Math.min(cols, left);
        int hi = Math.max(lo, Math.min(cols, left + w));
        for (int y = 0; y < rows; y++) {
            int sy = border.sourceIndex(y - top, h);
            if (sy < 0) {
                continue;
            }
            int src = (c * h + sy) * w;
            int dst = y * cols;
            if (hi > lo) {
                System.arraycopy(data, src + lo - left, padded, dst + lo, hi - lo);
            }
            for (int x = 0; x < lo; x++) {
                padded[dst + x] = srcCol[x] < 0 ? 0f : data[src + srcCol[x]];
            }
            for (int x = hi; x < cols; x++) {
                padded[dst + x] = srcCol[x] < 0 ? 0f : data[src + srcCol[x]];
            }
        }
        return padded;
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

    /**
     * {@code At M A} for every tile of filter f, plus bias, written to the output (clipped at odd sizes). Done in
     * place in the products {@code m[xi][f]}, which are dead afterwards, as whole-row passes of three arrays each: the
     * same-index loops C2 vectorises (the per-tile scalar form measured 1.8x slower). Only the final interleaving of
     * each tile's 2x2 outputs into the image stays scalar. Same operations in the same order as the per-tile form.
     */
    private static void transformOutput(float[][][] m, int f, float bias, Tensor out, int tilesX, int tiles) {
        float[][] mf = new float[16][];
        for (int xi = 0; xi < 16; xi++) {
            mf[xi] = m[xi][f];
        }
        // t = At M (2x4): row 1 into mf[12..15] first, as row 0 then overwrites mf[0..3] and row 1 reads mf[4..11]
        for (int j = 0; j < 4; j++) {
            subSub(mf[12 + j], mf[4 + j], mf[8 + j], mf[12 + j], tiles);
            addAdd(mf[j], mf[j], mf[4 + j], mf[8 + j], tiles);
        }
        // y = t A (2x2), plus bias, into mf[4..7]
        biasAddAdd(mf[4], bias, mf[0], mf[1], mf[2], tiles);
        biasSubSub(mf[5], bias, mf[1], mf[2], mf[3], tiles);
        biasAddAdd(mf[6], bias, mf[12], mf[13], mf[14], tiles);
        biasSubSub(mf[7], bias, mf[13], mf[14], mf[15], tiles);
        float[] y00 = mf[4];
        float[] y01 = mf[5];
        float[] y10 = mf[6];
        float[] y11 = mf[7];
        int oh = out.height();
        int ow = out.width();
        float[] data = out.data();
        for (int tile = 0; tile < tiles; tile++) {
            int y = tile / tilesX * 2;
            int x = tile % tilesX * 2;
            int base = (f * oh + y) * ow + x;
            data[base] = y00[tile];
            if (x + 1 < ow) {
                data[base + 1] = y01[tile];
            }
            if (y + 1 < oh) {
                data[base + ow] = y10[tile];
                if (x + 1 < ow) {
                    data[base + ow + 1] = y11[tile];
                }
            }
        }
    }

    private static void addAdd(float[] d, float[] a, float[] b, float[] c, int n) {
        for (int p = 0; p < n; p++) {
            d[p] = a[p] + b[p] + c[p];
        }
    }

    private static void subSub(float[] d, float[] a, float[] b, float[] c, int n) {
        for (int p = 0; p < n; p++) {
            d[p] = a[p] - b[p] - c[p];
        }
    }

    private static void biasAddAdd(float[] d, float bias, float[] a, float[] b, float[] c, int n) {
        for (int p = 0; p < n; p++) {
            d[p] = bias + (a[p] + b[p] + c[p]);
        }
    }

    private static void biasSubSub(float[] d, float bias, float[] a, float[] b, float[] c, int n) {
        for (int p = 0; p < n; p++) {
            d[p] = bias + (a[p] - b[p] - c[p]);
        }
    }
}

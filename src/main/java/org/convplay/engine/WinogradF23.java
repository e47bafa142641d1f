package org.convplay.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
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

    /**
     * Transformed input plus products, in floats, as {@link #workspace} counts them (a call holds less, see
     * {@link Scratch}): above this the direct method runs instead (memory bound).
     */
    static final long MAX_WORKSPACE = 16L << 20;

    /**
     * Most tiles per products loop. Long loops matter: C2's scalar pre- and post-loops around the vector loop cost
     * about as much as 32 vector iterations, so one long loop beats two shorter ones (docs/performance.md,
     * "WinogradF23").
     */
    static final int MAX_CHUNK = 1024;
    /**
     * Filters whose accumulators (each a chunk long) take turns on the same five source chunks: 8 x 4 KiB stays in L1
     * (other sizes measured no better).
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

    /** Whether the Vector API's module is in this JVM (started with {@code --add-modules jdk.incubator.vector}). */
    static final boolean VECTOR_MODULE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /**
     * Whether HotSpot's C2 compiler runs here. The Vector API is fast only once C2 turns it into SIMD instructions: with
     * C1 alone (-XX:TieredStopAtLevel=1, which spring-boot:run adds by default) its vectors stay objects and a layer
     * runs two hundred times slower. A JVM that does not say (not HotSpot) is taken to have it.
     */
    static final boolean C2 = c2Compiles();

    /**
     * Whether the channel sums run as {@link WinogradVectorSum}'s register blocks: the module is there and C2 compiles
     * them. Without the module that class cannot load, so it is named only behind this flag.
     */
    static final boolean VECTOR_API = VECTOR_MODULE && C2;

    private static boolean c2Compiles() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (!Boolean.parseBoolean(hotspot.getVMOption("UseCompiler").getValue())) {
                return false;
            }
            return !Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue())
                    || Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue()) >= 4;
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }

    /**
     * Into {@code out}, F x H' x W', every value of which is written; the channel sums as {@link WinogradVectorSum}'s
     * register blocks when {@code vectorSums} (only where {@link #VECTOR_API}), else as the loops C2 vectorises.
     */
    static Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Tensor out,
                           boolean vectorSums) {
        if (vectorSums && !VECTOR_API) {
            throw new IllegalStateException("the Vector API is not used in this JVM: " + (VECTOR_MODULE ? "C2 is off"
                    : "start it with --add-modules jdk.incubator.vector"));
        }
        int tiles = ConvGeometry.ceilDiv(plan.outHeight(), 2) * ConvGeometry.ceilDiv(plan.outWidth(), 2);
        // the register blocks run over whole blocks of tiles: every array is that much longer, and its tail is summed
        // too but never read back
        int length = VECTOR_API ? ConvGeometry.ceilDiv(tiles, WinogradVectorSum.BLOCK) * WinogradVectorSum.BLOCK : tiles;
        Scratch scratch = Scratch.acquire(length);
        convolve(input, kernel, spec, plan, scratch, out, vectorSums);
        // only after a call that went through: a failed one may have left arrays in use
        scratch.release();
        return out;
    }

    private static void convolve(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Scratch scratch,
                                 Tensor out, boolean vectorSums) {
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
        float[][][] v = new float[16][][];
        for (int xi = 0; xi < 16; xi++) {
            v[xi] = scratch.take(channels);
            // a pooled array's tail holds an earlier call's sums, which summed again call after call could grow to
            // infinities or subnormals (slow on some CPUs): zeros keep every tail at zero
            if (scratch.length > tiles) {
                for (float[] a : v[xi]) {
                    Arrays.fill(a, tiles, scratch.length, 0f);
                }
            }
        }
        float[][][] m = new float[16][filters][];

        // v[xi][c]: element xi (0..15, row-major 4x4) of every tile's transformed input, one array per (xi, c)
        // so that the channel sum below is the same-index loop C2 vectorises
        int[] columns = new int[2 * tilesX + 2];
        for (int x = 0; x < columns.length; x++) {
            columns[x] = spec.border().sourceIndex(x - plan.pads().left(), input.width());
        }
        Parallel.forEach(channels, c -> transformInput(input, c, spec.border(), plan.pads().top(), plan.pads().left(),
                columns, tilesY, tilesX, v, scratch));

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
            System.arraycopy(scratch.take(fpg), 0, m[xi], g * fpg, fpg);
            if (vectorSums) {
                WinogradVectorSum.sum(m[xi], sources, u[xi], g * fpg, (g + 1) * fpg, tiles);
                scratch.give(sources);
                return;
            }
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
            // this group's v[xi] is read by this task only: its arrays take the next tasks' products
            scratch.give(sources);
        });

        Parallel.forEach(filters, f -> transformOutput(m, f, kernel.biasOf(f), out, tilesX, tiles));
        for (float[][] mx : m) {
            scratch.give(mx);
        }
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
     * cheaper than transforming them again (about 5% of a 64-channel layer). Comparing the values
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
     * The arrays of the transformed input {@code v[xi][c]} and of the products {@code m[xi][f]}, each {@code tiles}
     * long (rounded up to whole register blocks where {@link WinogradVectorSum} runs), kept from call to call: allocating them afresh made the allocator zero that much on every run (measured,
     * the input transform took a third longer). They form one pool: a products task takes arrays for its results and
     * gives back its group's {@code v[xi]} when done (nothing else reads it), so the products land in arrays just read,
     * still in cache, and a call holds 16 x channels arrays plus those of the tasks in flight instead of
     * 16 x (channels + filters): 3.5 MiB instead of 6 MiB for 64 to 64 channels at 56x56, and a faster layer
     * (docs/performance.md, "WinogradF23"). One workspace is
     * kept for the whole JVM, not one per thread (a server's many request threads would each hold one): a call takes
     * it when it fits and nobody holds it, and otherwise starts an empty one, which it leaves behind for the next call
     * when done. Workspaces above {@link #KEEP} floats are never kept.
     */
    private static final class Scratch {
        /** Largest workspace kept, in floats (16 MiB). */
        static final long KEEP = 4L << 20;
        private static final AtomicReference<Scratch> KEPT = new AtomicReference<>();

        /** Length of every array: the tiles, rounded up to whole register blocks where those run. */
        final int length;
        /** Arrays free for the taking; the last given is the first taken again, as it is the likeliest in cache. */
        private final ArrayDeque<float[]> free = new ArrayDeque<>();

        private Scratch(int length) {
            this.length = length;
        }

        static Scratch acquire(int length) {
            Scratch s = KEPT.getAndSet(null);
            if (s != null && s.length == length) {
                return s;
            }
            if (s != null) {
                KEPT.compareAndSet(null, s);
            }
            return new Scratch(length);
        }

        /** n arrays, free ones first, new ones when none are left; their contents are whatever was left in them. */
        synchronized float[][] take(int n) {
            float[][] arrays = new float[n][];
            for (int i = 0; i < n; i++) {
                float[] a = free.pollLast();
                arrays[i] = a != null ? a : new float[length];
            }
            return arrays;
        }

        synchronized void give(float[][] arrays) {
            for (float[] a : arrays) {
                free.addLast(a);
            }
        }

        void release() {
            if ((long) free.size() * length <= KEEP) {
                KEPT.set(this);
            }
        }
    }

    /**
     * {@code Bt d B} for every 4x4 tile of one padded channel; tiles start every 2 rows and columns. Two steps, so
     * that the arithmetic runs as the same-index loops C2 vectorises (tiles overlap by two columns, and the strided
     * reads of a per-tile form are what C2 on Java 17 will not vectorise):
     * <ol>
     *   <li>each tile's 16 input values go to {@code v[4a + j][c][tile]} (a the row and j the column in the tile).
     *   Only a, j in {0, 1} are gathered one by one: cells (a, j + 2) are cells (a, j) of the next tile to the right
     *   and cells (a + 2, j) those of the next tile row, so those arrays are the gathered ones shifted by one tile
     *   or one tile row (one {@code arraycopy} each), plus the last tile of each row or the last tile row.</li>
     *   <li>{@code Bt d} (rows combined) and then {@code (Bt d) B} (columns combined), each as four whole-array
     *   passes of two operands ({@link #combine}).</li>
     * </ol>
     * Same operations in the same order as the per-tile form, so the same bits, and faster (the per-tile form's 32
     * scalar additions and 16 scattered stores per tile, against 4 gathered values per tile and vector passes;
     * docs/performance.md, "WinogradF23"). Within the whole layer the gain is smaller, as
     * writing the 3.2 MB of {@code v} costs about as much as the arithmetic.
     */
    private static void transformInput(Tensor input, int c, Border border, int top, int left, int[] columns,
                                       int tilesY, int tilesX, float[][][] v, Scratch scratch) {
        int tiles = tilesY * tilesX;
        Rows in = new Rows(input, c, border, top, left, columns);
        float[][] d = new float[16][];
        for (int xi = 0; xi < 16; xi++) {
            d[xi] = v[xi][c];
        }
        for (int ty = 0; ty < tilesY; ty++) {
            for (int a = 0; a < 2; a++) {
                for (int j = 0; j < 2; j++) {
                    in.gather(2 * ty + a, j, d[4 * a + j], ty * tilesX, tilesX);
                }
            }
        }
        for (int a = 0; a < 2; a++) {
            for (int j = 0; j < 2; j++) {
                float[] to = d[4 * a + j + 2];
                System.arraycopy(d[4 * a + j], 1, to, 0, tiles - 1);
                for (int ty = 0; ty < tilesY; ty++) {
                    to[ty * tilesX + tilesX - 1] = in.value(2 * ty + a, 2 * tilesX + j);
                }
            }
        }
        int lastRow = tiles - tilesX;
        for (int a = 0; a < 2; a++) {
            for (int j = 0; j < 4; j++) {
                float[] to = d[4 * (a + 2) + j];
                System.arraycopy(d[4 * a + j], tilesX, to, 0, lastRow);
                in.gather(2 * tilesY + a, j, to, lastRow, tilesX);
            }
        }
        float[] spare = scratch.take(1)[0];
        for (int j = 0; j < 4; j++) {
            spare = combine(d, j, 4, spare, tiles);
        }
        for (int a = 0; a < 4; a++) {
            spare = combine(d, 4 * a, 1, spare, tiles);
        }
        for (int xi = 0; xi < 16; xi++) {
            v[xi][c] = d[xi];
        }
        scratch.give(new float[][] {spare});
    }

    /**
     * Cells of channel c padded as the spec says, read straight from the input: no padded copy of the channel is made
     * (making one, 58 x 58 for a 56 x 56 channel, cost almost a third of the channel's transform). Cells past the
     * padded image's end (when the output size is odd) only feed outputs that are dropped.
     */
    private static final class Rows {
        final float[] data;
        final int height;
        final int width;
        final int channelBase;
        final Border border;
        final int top;
        final int left;
        /** For each padded column, the input column it reads, or -1 for a zero cell. */
        final int[] columns;

        Rows(Tensor input, int c, Border border, int top, int left, int[] columns) {
            this.data = input.data();
            this.height = input.height();
            this.width = input.width();
            this.channelBase = c * height * width;
            this.border = border;
            this.top = top;
            this.left = left;
            this.columns = columns;
        }

        /** Where padded row y starts in the input data, or -1 for a row of zeros. */
        int rowBase(int y) {
            int sy = border.sourceIndex(y - top, height);
            return sy < 0 ? -1 : channelBase + sy * width;
        }

        float value(int y, int x) {
            int base = rowBase(y);
            int col = columns[x];
            return base < 0 || col < 0 ? 0f : data[base + col];
        }

        /** {@code dst[off + k] = cell (y, col0 + 2k)} for {@code k < n}: the interior straight from the row. */
        void gather(int y, int col0, float[] dst, int off, int n) {
            int base = rowBase(y);
            if (base < 0) {
                Arrays.fill(dst, off, off + n, 0f);
                return;
            }
            // interior: input column col0 + 2k - left inside [0, width)
            int lo = Math.min(n, left - col0 <= 0 ? 0 : (left - col0 + 1) / 2);
            int last = width - 1 + left - col0;
            int hi = Math.max(lo, last < 0 ? 0 : Math.min(n, last / 2 + 1));
            edge(base, col0, dst, off, 0, lo);
            int src = base + col0 - left;
            for (int k = lo; k < hi; k++) {
                dst[off + k] = data[src + 2 * k];
            }
            edge(base, col0, dst, off, hi, n);
        }

        private void edge(int base, int col0, float[] dst, int off, int from, int to) {
            for (int k = from; k < to; k++) {
                int col = columns[col0 + 2 * k];
                dst[off + k] = col < 0 ? 0f : data[base + col];
            }
        }
    }

    /**
     * {@code (x0, x1, x2, x3) = (x0 - x2, x1 + x2, x2 - x1, x1 - x3)} where {@code xk = d[first + k * step]}: the
     * one-dimensional {@code Bt x}. One pass per result, each storing to one array (C2 vectorises loops with one store
     * reliably; two-store loops measured scalar in some contexts). x1 is read after x2 is overwritten, so x1 + x2
     * goes to {@code spare}, which takes x1's place in d; x1's old array is returned as the next spare.
     */
    private static float[] combine(float[][] d, int first, int step, float[] spare, int n) {
        float[] x0 = d[first];
        float[] x1 = d[first + step];
        float[] x2 = d[first + 2 * step];
        float[] x3 = d[first + 3 * step];
        sub(x0, x0, x2, n);
        sub(x3, x1, x3, n);
        add(spare, x1, x2, n);
        sub(x2, x2, x1, n);
        d[first + step] = spare;
        return x1;
    }

    private static void add(float[] d, float[] a, float[] b, int n) {
        for (int p = 0; p < n; p++) {
            d[p] = a[p] + b[p];
        }
    }

    private static void sub(float[] d, float[] a, float[] b, int n) {
        for (int p = 0; p < n; p++) {
            d[p] = a[p] - b[p];
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

    /**
     * {@code At M A} for every tile of filter f, plus bias, written to the output (clipped at odd sizes). Done in
     * place in the products {@code m[xi][f]}, which are dead afterwards, as whole-row passes of three arrays each: the
     * same-index loops C2 vectorises (the per-tile scalar form measured slower). Only the final interleaving of
     * each tile's 2x2 outputs into the image stays scalar. It runs row by row: a per-tile loop that divided to find
     * each tile's row and column and tested both edges measured slower (docs/performance.md, "WinogradF23"). Same
     * operations in the same order as the per-tile form.
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
        // tiles whose two output columns both exist, then (odd widths) the last tile of each row, which has one
        int pairs = ow / 2;
        for (int ty = 0; ty < tiles / tilesX; ty++) {
            int t0 = ty * tilesX;
            int row = (f * oh + 2 * ty) * ow;
            interleave(data, row, y00, y01, t0, pairs);
            if (pairs < tilesX) {
                data[row + 2 * pairs] = y00[t0 + pairs];
            }
            if (2 * ty + 1 < oh) {
                interleave(data, row + ow, y10, y11, t0, pairs);
                if (pairs < tilesX) {
                    data[row + ow + 2 * pairs] = y10[t0 + pairs];
                }
            }
        }
    }

    /** {@code data[row + 2k] = even[t0 + k]} and {@code data[row + 2k + 1] = odd[t0 + k]} for k < n. */
    private static void interleave(float[] data, int row, float[] even, float[] odd, int t0, int n) {
        for (int k = 0; k < n; k++) {
            data[row + 2 * k] = even[t0 + k];
            data[row + 2 * k + 1] = odd[t0 + k];
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

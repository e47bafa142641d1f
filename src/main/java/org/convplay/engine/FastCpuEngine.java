package org.convplay.engine;

/**
 * The fast pure-Java engine: every core, loops that HotSpot's C2 turns into SIMD code (and the Vector API where the
 * JVM has it), and blocks sized to stay in cache. Same numbers as {@link ReferenceEngine} up to float32 summation order.
 * The variants ({@link Strategy}): the direct method below for every request, and Winograd F(2x2, 3x3)
 * ({@link WinogradF23}) for 3x3 stride-1 layers with many channels, its channel sums as C2's loops or as Vector API
 * register blocks; {@link #choose} picks.
 *
 * <p>How it is fast, and why it is shaped this way:
 * <ul>
 *   <li><b>Taps over aligned rows.</b> Every output value is {@code bias + sum over taps (c, j, i) of
 *   w * in[c][y*sy + j*dy][x*sx + i*dx]}. For each tap the engine prepares a source array whose
 *   element {@code p} is exactly the input value output {@code p} needs, so the hot loop is
 *   {@code acc[p] += w0*s0[p] + ... + w4*s4[p]} with one index for every array. That exact shape
 *   matters: Java 17's C2 only vectorises a loop when all its float accesses share one index
 *   (a tap written as {@code in[p + offset]} stays scalar, several times slower); padding, border,
 *   stride and dilation are all resolved while the source arrays are filled, never in the hot loop.</li>
 *   <li><b>Two ways to lay out the sources</b> ({@link #blockRows}): wide outputs use one output row
 *   per block and share each shifted input row between the kh kernel rows that read it; narrow outputs
 *   concatenate several output rows per block (im2col restricted to the block) so the hot loop runs
 *   long enough to amortise its setup.</li>
 *   <li><b>Five taps per pass</b> ({@link #accumulate}): on Zen 3 with Java 17, five is the most C2
 *   still vectorised (six fell back to scalar), and more taps per pass means fewer passes over the
 *   accumulator.</li>
 *   <li><b>Cache blocking</b>: accumulators of a block of filters over a chunk of outputs stay in L1
 *   while the taps stream past; each source chunk is then reused by every filter of the block.</li>
 *   <li><b>Parallelism</b>: independent strips of output rows (and column stripes) on the common
 *   ForkJoinPool, in a few coarse slices ({@link Parallel}).</li>
 * </ul>
 * Multiply and add stay separate: {@code Math.fma} vectorises too, but its chained form measured slower.
 * The figures behind these choices are in docs/performance.md ("FastCpuEngine").
 */
public final class FastCpuEngine extends InPlaceEngine {

    public static final String NAME = "cpu";

    /** Outputs per hot-loop pass: long enough to amortise the loop setup, short enough for L1. */
    static final int CHUNK = 512;
    /**
     * Accumulator floats (filters x chunk) kept hot while the sources stream past: 32 KiB, an L1's worth
     * (16 and 64 KiB measured no better).
     */
    static final int ACC_BUDGET = 8192;
    /**
     * Floats of shifted rows one output row reads (taps x stripe width): 256 KiB, half of a 512 KiB L2, so they stay
     * there while the kh output rows that share them run. Wide outputs are cut into column stripes to fit: an 11x11
     * kernel over 2048 columns runs in 4 stripes of 512, a 3x3 one in a single stripe. Stripes no wider than needed
     * matter for small kernels: 3x3 over 2048x2048 ran markedly slower in 512-wide stripes than in whole rows, as every
     * row then starts a new 2 KiB run of memory that the prefetchers must find again.
     */
    static final int SHIFTED_BUDGET = 64 * 1024;
    /** Below this output width several output rows are concatenated per block (see {@link #blockRows}). */
    static final int NARROW = 256;
    /** Floats of source arrays per block, im2col layout: about half of a 512 KiB L2. */
    static final int SOURCE_BUDGET = 64 * 1024;

    @Override
    public String name() {
        return NAME;
    }

    /** Threads and SIMD, for the benchmark's machine description: whether the Vector API variant can run here. */
    @Override
    public String describe() {
        return "cpu engine: pure Java, " + Runtime.getRuntime().availableProcessors() + " threads (common ForkJoinPool), "
                + (WinogradF23.VECTOR_API
                ? "Vector API (" + WinogradVectorSum.BLOCK / 2 * 32 + "-bit) for the channel sums of 3x3 layers"
                : !WinogradF23.C2
                ? "no C2 compiler (-XX:TieredStopAtLevel below 4?): loops are not vectorised, everything runs slower"
                : "no Vector API: 3x3 layers run slower (start the JVM with --add-modules jdk.incubator.vector)");
    }

    /** Channels per group from which 3x3 stride-1 layers go to {@link WinogradF23} (measured: see {@link #choose}). */
    static final int WINOGRAD_MIN_CHANNELS = 8;

    /** The variants, side by side; {@link #choose} picks one. */
    enum Strategy {
        /** Taps over shifted rows or im2col blocks: every spec; wins for few channels and every non-3x3 kernel. */
        DIRECT,
        /**
         * Winograd F(2x2, 3x3): 3x3, stride 1, no dilation; wins from about 8 channels per group. F(4x4, 3x3) was
         * tried and dropped: no faster here (its transforms cost what its products save) and many times the error,
         * beyond the contract's 1e-5.
         */
        WINOGRAD,
        /**
         * The same Winograd transforms, with the channel sums in the Vector API's register blocks
         * ({@link WinogradVectorSum}): only in a JVM started with {@code --add-modules jdk.incubator.vector} whose C2
         * compiler runs ({@link WinogradF23#VECTOR_API}); faster than the loops (see {@link WinogradVectorSum}).
         */
        WINOGRAD_VECTOR
    }

    /**
     * The one place where the thresholds live. Winograd needs a 3x3 stride-1 undilated kernel, enough channels
     * for its 2.25x fewer multiplications to pay for the transforms, and a workspace that fits in memory.
     */
    static Strategy choose(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan) {
        if (WinogradF23.supports(kernel, spec) && kernel.channelsPerGroup() >= WINOGRAD_MIN_CHANNELS
                && WinogradF23.workspace(input.channels(), kernel.filters(), plan) <= WinogradF23.MAX_WORKSPACE) {
            return WinogradF23.VECTOR_API ? Strategy.WINOGRAD_VECTOR : Strategy.WINOGRAD;
        }
        return Strategy.DIRECT;
    }

    /** Writes straight into {@code out}: every output value is written once, so its old contents never matter. */
    @Override
    protected Tensor run(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Tensor out) {
        return convolve(input, kernel, spec, plan, choose(input, kernel, spec, plan), out);
    }

    /** One variant, chosen by the caller, into {@code out} (checked): tests run every variant against the reference. */
    static Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Strategy strategy,
                           Tensor out) {
        if (strategy != Strategy.DIRECT && !WinogradF23.supports(kernel, spec)) {
            throw new IllegalArgumentException("Winograd needs a 3x3 kernel, stride 1 and no dilation");
        }
        if (strategy != Strategy.DIRECT) {
            return WinogradF23.convolve(input, kernel, spec, plan, out, strategy == Strategy.WINOGRAD_VECTOR);
        }
        Job job = new Job(input, kernel, spec, plan, out);
        int strips = job.strips();
        int stripes = job.stripes;
        int tasks = strips * stripes * spec.groups();
        Parallel.forEach(tasks, t -> job.run(t / (strips * stripes), t / stripes % strips, t % stripes));
        return job.out;
    }

    /**
     * Output rows per block. Wide outputs: 1, so that shifted input rows are shared by every kernel row
     * (no copying beyond kw shifted copies of the input). Narrow outputs: enough rows for a loop of about
     * {@link #NARROW} values, bounded so the block's sources fit {@link #SOURCE_BUDGET}.
     */
    static int blockRows(int outWidth, int outHeight, int taps) {
        if (outWidth >= NARROW) {
            return 1;
        }
        int wanted = ConvGeometry.ceilDiv(NARROW, outWidth);
        int affordable = Math.max(1, SOURCE_BUDGET / Math.max(1, taps * outWidth));
        return Math.max(1, Math.min(outHeight, Math.min(wanted, affordable)));
    }

    /** Column stripes of a row of {@code outWidth} outputs: as few as keep {@code taps} shifted rows in L2. */
    static int stripes(int outWidth, int blockRows, int taps) {
        return blockRows == 1 ? ConvGeometry.ceilDiv(outWidth, Math.max(NARROW, SHIFTED_BUDGET / taps)) : 1;
    }

    /** One convolution: shapes resolved once, then strips of output rows computed independently. */
    private static final class Job {
        final float[] in;
        final int channels;
        final int height;
        final int width;
        final ConvSpec spec;
        final int top;
        final int left;
        final int oh;
        final int ow;
        final int kh;
        final int kw;
        final int cpg;
        final int fpg;
        final int taps;
        /** Per filter, the weights in tap order (c, j, i), already flipped for convolution. */
        final float[][] tapWeights;
        final float[] bias;
        final Tensor out;
        /** Per horizontal tap i, the input column each output column reads, or -1 for a zero cell. */
        final int[][] columns;
        /** kw references to one shared row of zeros, for padded rows that lie wholly in zero padding. */
        final float[][] zeroRows;
        final int block;
        /** Width of a column stripe, and how many there are (see {@link #SHIFTED_BUDGET}). */
        final int stripeWidth;
        final int stripes;
        final int stripBlocks;

        Job(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Tensor out) {
            this.in = input.data();
            this.channels = input.channels();
            this.height = input.height();
            this.width = input.width();
            this.spec = spec;
            this.top = plan.pads().top();
            this.left = plan.pads().left();
            this.oh = plan.outHeight();
            this.ow = plan.outWidth();
            this.kh = kernel.height();
            this.kw = kernel.width();
            this.cpg = kernel.channelsPerGroup();
            this.fpg = kernel.filters() / spec.groups();
            this.taps = cpg * kh * kw;
            this.tapWeights = new float[kernel.filters()][taps];
            for (int f = 0; f < kernel.filters(); f++) {
                int t = 0;
                for (int c = 0; c < cpg; c++) {
                    for (int j = 0; j < kh; j++) {
                        for (int i = 0; i < kw; i++) {
                            tapWeights[f][t++] = spec.flip()
                                    ? kernel.weight(f, c, kh - 1 - j, kw - 1 - i)
                                    : kernel.weight(f, c, j, i);
                        }
                    }
                }
            }
            this.bias = kernel.bias();
            this.out = out;
            this.columns = new int[kw][ow];
            for (int i = 0; i < kw; i++) {
                for (int x = 0; x < ow; x++) {
                    columns[i][x] = spec.border().sourceIndex(x * spec.strideX() + i * spec.dilationX() - left, width);
                }
            }
            this.zeroRows = new float[kw][];
            java.util.Arrays.fill(zeroRows, new float[ow]);
            this.block = blockRows(ow, oh, taps);
            this.stripes = stripes(ow, block, taps);
            // equal stripes: 2048 columns that fit 1337 at a time run as 2 x 1024, not 1337 + 711
            this.stripeWidth = ConvGeometry.ceilDiv(ow, stripes);
            this.stripBlocks = stripBlocks();
        }

        /** Blocks per strip: enough strips to keep every core busy, with slack for uneven finishing times. */
        private int stripBlocks() {
            int cores = Runtime.getRuntime().availableProcessors();
            int blocks = ConvGeometry.ceilDiv(oh, block);
            return Math.max(1, blocks * spec.groups() * stripes / (4 * cores));
        }

        int strips() {
            return ConvGeometry.ceilDiv(oh, block * stripBlocks);
        }

        /** Computes output rows of strip {@code s}, columns of stripe {@code col}, for the filters of group {@code g}. */
        void run(int g, int s, int col) {
            int oy0 = s * block * stripBlocks;
            int oy1 = Math.min(oh, oy0 + block * stripBlocks);
            int x0 = col * stripeWidth;
            int w = Math.min(stripeWidth, ow - x0);
            Ring ring = new Ring(g, x0, w);
            float[][] sources = new float[taps][];
            int fb = Math.max(1, Math.min(fpg, ACC_BUDGET / Math.min(CHUNK, block * w)));
            float[][] acc = new float[fb][];
            for (int by = oy0; by < oy1; by += block) {
                int rowsHere = Math.min(block, oy1 - by);
                int len = rowsHere * w;
                fillSources(sources, ring, by, rowsHere, w);
                for (int f0 = g * fpg; f0 < (g + 1) * fpg; f0 += fb) {
                    int nf = Math.min(fb, (g + 1) * fpg - f0);
                    for (int k = 0; k < nf; k++) {
                        if (acc[k] == null || acc[k].length != len) {
                            acc[k] = new float[len];
                        }
                        java.util.Arrays.fill(acc[k], bias == null ? 0f : bias[f0 + k]);
                    }
                    for (int p0 = 0; p0 < len; p0 += CHUNK) {
                        int p1 = Math.min(len, p0 + CHUNK);
                        for (int t = 0; t < taps; t += 5) {
                            int n = Math.min(5, taps - t);
                            for (int k = 0; k < nf; k++) {
                                accumulate(acc[k], p0, p1, sources, tapWeights[f0 + k], t, n);
                            }
                        }
                    }
                    for (int k = 0; k < nf; k++) {
                        // whole rows by .. by+rowsHere of one filter are contiguous in the output; a stripe is one row
                        System.arraycopy(acc[k], 0, out.data(), ((f0 + k) * oh + by) * ow + x0, len);
                    }
                }
            }
        }

        /**
         * Points (one row per block) or copies (several rows per block) each tap's source values into place.
         * Taps are ordered (c, j, i) like {@link #tapWeights}.
         */
        private void fillSources(float[][] sources, Ring ring, int by, int rowsHere, int w) {
            int sy = spec.strideY();
            int dy = spec.dilationY();
            for (int y = 0; y < rowsHere; y++) {
                int t = 0;
                for (int c = 0; c < cpg; c++) {
                    for (int j = 0; j < kh; j++) {
                        float[][] shifted = ring.row(c, (by + y) * sy + j * dy);
                        for (int i = 0; i < kw; i++) {
                            if (block == 1) {
                                sources[t] = shifted[i];
                            } else {
                                if (sources[t] == null || sources[t].length != rowsHere * w) {
                                    sources[t] = new float[rowsHere * w];
                                }
                                System.arraycopy(shifted[i], 0, sources[t], y * w, w);
                            }
                            t++;
                        }
                    }
                }
            }
        }

        /**
         * The shifted input rows the current output row reads, for each channel of one group: padded row r
         * as kw arrays, array i holding for each output column x the value at padded column x*sx + i*dx.
         * One output row reads kh rows spread over {@code (kh-1)*dy + 1} consecutive padded rows, so a ring of
         * that many slots holds them all; moving down one output row rebuilds only the rows that are new.
         * Each shifted row is thus built once per strip and stays in L2 while the kh output rows use it.
         */
        private final class Ring {
            final int group;
            final int x0;
            final int slots = (kh - 1) * spec.dilationY() + 1;
            final float[][][][] buffers;
            /** What each slot shows: its buffers, or the shared zero row for rows wholly in zero padding. */
            final float[][][][] views = new float[cpg][slots][][];
            final int[] held = new int[slots];

            /** Rows of output columns {@code x0 .. x0+w-1} only (one stripe). */
            Ring(int group, int x0, int w) {
                this.group = group;
                this.x0 = x0;
                this.buffers = new float[cpg][slots][kw][w];
                java.util.Arrays.fill(held, -1);
            }

            float[][] row(int c, int r) {
                int slot = r % slots;
                if (held[slot] != r) {
                    for (int cc = 0; cc < cpg; cc++) {
                        views[cc][slot] = fill(group * cpg + cc, r, buffers[cc][slot], x0);
                    }
                    held[slot] = r;
                }
                return views[c][slot];
            }
        }

        /**
         * Fills {@code shifted} with padded row {@code r} of a channel, for output columns from x0 on; returns the
         * zero rows instead when r is all zero.
         */
        private float[][] fill(int channel, int r, float[][] shifted, int x0) {
            int y = spec.border().sourceIndex(r - top, height);
            if (y < 0) {
                return zeroRows;
            }
            int base = (channel * height + y) * width;
            int sx = spec.strideX();
            for (int i = 0; i < kw; i++) {
                float[] row = shifted[i];
                int w = row.length;
                int[] cols = columns[i];
                if (sx == 1) {
                    // the interior is one contiguous run of the input row: copy it in one go
                    int shift = x0 + i * spec.dilationX() - left;
                    int lo = Math.max(0, Math.min(w, -shift));
                    int hi = Math.max(lo, Math.min(w, width - shift));
                    if (hi > lo) {
                        System.arraycopy(in, base + lo + shift, row, lo, hi - lo);
                    }
                    gather(row, 0, lo, cols, base, x0);
                    gather(row, hi, w, cols, base, x0);
                } else {
                    gather(row, 0, w, cols, base, x0);
                }
            }
            return shifted;
        }

        private void gather(float[] row, int from, int to, int[] cols, int base, int x0) {
            for (int x = from; x < to; x++) {
                int col = cols[x0 + x];
                row[x] = col < 0 ? 0f : in[base + col];
            }
        }
    }

    /**
     * {@code acc[p] += sum of w[t+k] * sources[t+k][p]} for {@code k < n <= 5}, p in [from, to).
     * One method per tap count keeps each loop small enough for C2 to unroll and vectorise it.
     */
    static void accumulate(float[] acc, int from, int to, float[][] sources, float[] w, int t, int n) {
        switch (n) {
            case 5 -> taps5(acc, from, to, sources[t], sources[t + 1], sources[t + 2], sources[t + 3], sources[t + 4],
                    w[t], w[t + 1], w[t + 2], w[t + 3], w[t + 4]);
            case 4 -> taps4(acc, from, to, sources[t], sources[t + 1], sources[t + 2], sources[t + 3],
                    w[t], w[t + 1], w[t + 2], w[t + 3]);
            case 3 -> taps3(acc, from, to, sources[t], sources[t + 1], sources[t + 2], w[t], w[t + 1], w[t + 2]);
            case 2 -> taps2(acc, from, to, sources[t], sources[t + 1], w[t], w[t + 1]);
            case 1 -> taps1(acc, from, to, sources[t], w[t]);
            default -> throw new IllegalArgumentException("1 to 5 taps per pass, got " + n);
        }
    }

    // The sums are grouped in pairs so the additions do not form one long dependency chain.
    static void taps5(float[] acc, int from, int to, float[] s0, float[] s1, float[] s2, float[] s3, float[] s4,
                      float w0, float w1, float w2, float w3, float w4) {
        for (int p = from; p < to; p++) {
            acc[p] = (acc[p] + w0 * s0[p]) + (w1 * s1[p] + w2 * s2[p]) + (w3 * s3[p] + w4 * s4[p]);
        }
    }

    static void taps4(float[] acc, int from, int to, float[] s0, float[] s1, float[] s2, float[] s3,
                      float w0, float w1, float w2, float w3) {
        for (int p = from; p < to; p++) {
            acc[p] = (acc[p] + w0 * s0[p]) + (w1 * s1[p] + w2 * s2[p]) + w3 * s3[p];
        }
    }

    static void taps3(float[] acc, int from, int to, float[] s0, float[] s1, float[] s2, float w0, float w1, float w2) {
        for (int p = from; p < to; p++) {
            acc[p] = (acc[p] + w0 * s0[p]) + (w1 * s1[p] + w2 * s2[p]);
        }
    }

    static void taps2(float[] acc, int from, int to, float[] s0, float[] s1, float w0, float w1) {
        for (int p = from; p < to; p++) {
            acc[p] = acc[p] + (w0 * s0[p] + w1 * s1[p]);
        }
    }

    static void taps1(float[] acc, int from, int to, float[] s0, float w0) {
        for (int p = from; p < to; p++) {
            acc[p] += w0 * s0[p];
        }
    }
}

package org.convplay.engine.cpu;

import java.util.Arrays;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;

/**
 * The cpu engine's direct method, for every request: one convolution, its shapes resolved once, then strips of
 * output rows computed independently on every core.
 *
 * <p>How it is fast, and why it is shaped this way:
 * <ul>
 *   <li><b>Taps over aligned rows.</b> Every output value is {@code bias + sum over taps (c, j, i) of
 *   w * in[c][y*sy + j*dy][x*sx + i*dx]}. For each tap this class prepares a source array whose
 *   element {@code p} is exactly the input value output {@code p} needs, so the hot loop is
 *   {@code acc[p] += w0*s0[p] + ... + w4*s4[p]} with one index for every array. That exact shape
 *   matters: Java 17's C2 only vectorises a loop when all its float accesses share one index
 *   (a tap written as {@code in[p + offset]} stays scalar, several times slower); padding, border,
 *   stride and dilation are all resolved while the source arrays are filled, never in the hot loop.</li>
 *   <li><b>Two ways to lay out the sources</b> ({@link #blockRows}): wide outputs use one output row
 *   per block and share each shifted input row between the kh kernel rows that read it; narrow outputs
 *   concatenate several output rows per block (im2col restricted to the block) so the hot loop runs
 *   long enough to amortise its setup.</li>
 *   <li><b>Five taps per pass</b> ({@link TapSums#accumulate}): on Zen 3 with Java 17, five is the most C2
 *   still vectorised (six fell back to scalar), and more taps per pass means fewer passes over the
 *   accumulator.</li>
 *   <li><b>Cache blocking</b>: accumulators of a block of filters over a chunk of outputs stay in L1
 *   while the taps stream past; each source chunk is then reused by every filter of the block.</li>
 *   <li><b>Parallelism</b>: independent strips of output rows (and column stripes) on the common
 *   ForkJoinPool, in a few coarse slices ({@link Parallel}).</li>
 * </ul>
 * Multiply and add stay separate: {@code Math.fma} vectorises too, but its chained form measured slower.
 * The figures behind these choices are in docs/performance.md ("FastCpuEngine, DirectConvolution").
 */
final class DirectConvolution {

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

    /** Into {@code out}, every value of which is written: strips of output rows (and column stripes) in parallel. */
    static Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Tensor out) {
        DirectConvolution job = new DirectConvolution(input, kernel, spec, plan, out);
        int strips = job.strips();
        int stripes = job.stripes;
        int tasks = strips * stripes * spec.groups();
        Parallel.forEach(tasks, t -> job.run(t / (strips * stripes), t / stripes % strips, t % stripes));
        return out;
    }

    private final float[] in;
    private final int height;
    private final int width;
    private final ConvSpec spec;
    private final int top;
    private final int left;
    private final int oh;
    private final int ow;
    private final int kh;
    private final int kw;
    private final int cpg;
    private final int fpg;
    private final int taps;
    /** Per filter, the weights in tap order (c, j, i), already flipped for convolution. */
    private final float[][] tapWeights;
    private final float[] bias;
    private final Tensor out;
    /** Per horizontal tap i, the input column each output column reads, or -1 for a zero cell. */
    private final int[][] columns;
    /** kw references to one shared row of zeros, for padded rows that lie wholly in zero padding. */
    private final float[][] zeroRows;
    private final int block;
    /** Width of a column stripe, and how many there are (see {@link #SHIFTED_BUDGET}). */
    private final int stripeWidth;
    private final int stripes;
    private final int stripBlocks;

    private DirectConvolution(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Tensor out) {
        this.in = input.data();
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
        Arrays.fill(zeroRows, new float[ow]);
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

    private int strips() {
        return ConvGeometry.ceilDiv(oh, block * stripBlocks);
    }

    /** Computes output rows of strip {@code s}, columns of stripe {@code col}, for the filters of group {@code g}. */
    private void run(int g, int s, int col) {
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
                    Arrays.fill(acc[k], bias == null ? 0f : bias[f0 + k]);
                }
                for (int p0 = 0; p0 < len; p0 += CHUNK) {
                    int p1 = Math.min(len, p0 + CHUNK);
                    for (int t = 0; t < taps; t += 5) {
                        int n = Math.min(5, taps - t);
                        for (int k = 0; k < nf; k++) {
                            TapSums.accumulate(acc[k], p0, p1, sources, tapWeights[f0 + k], t, n);
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
            Arrays.fill(held, -1);
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

package org.convplay.engine.cpu;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;

/**
 * The three transforms of {@link WinogradF23} (Lavin and Gray, 2015), each written as whole-array passes that C2
 * vectorises: {@code V = Bt d B} for every 4x4 input tile ({@link #transformInput}), {@code U = G g Gt} for every 3x3
 * kernel, cached while the weights stay the same ({@link #transformedWeights}), and {@code Y = At M A} for every tile
 * of products, plus bias, into the output ({@link #transformOutput}).
 */
final class WinogradTransforms {

    private WinogradTransforms() {
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
    static void transformInput(Tensor input, int c, Border border, int top, int left, int[] columns,
                                       int tilesY, int tilesX, float[][][] v, WinogradWorkspace workspace) {
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
        float[] spare = workspace.take(1)[0];
        for (int j = 0; j < 4; j++) {
            spare = combine(d, j, 4, spare, tiles);
        }
        for (int a = 0; a < 4; a++) {
            spare = combine(d, 4 * a, 1, spare, tiles);
        }
        for (int xi = 0; xi < 16; xi++) {
            v[xi][c] = d[xi];
        }
        workspace.give(new float[][] {spare});
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
    static void transformOutput(float[][][] m, int f, float bias, Tensor out, int tilesX, int tiles) {
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

    /** {@code data[row + 2k] = even[t0 + k]} and {@code data[row + 2k + 1] = odd[t0 + k]} for {@code k < n}. */
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

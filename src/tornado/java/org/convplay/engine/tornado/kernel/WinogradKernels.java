package org.convplay.engine.tornado.kernel;

import uk.ac.manchester.tornado.api.KernelContext;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

/**
 * Winograd F(2x2, 3x3) for 3x3, stride-1, undilated layers, in three kernels run one after the other in one task
 * graph, their intermediate arrays never leaving the device. The input is cut into 2x2 output tiles, each reading a
 * 4x4 patch of the padded input (patches overlap by 2); with {@code V = B^T d B} per channel and patch,
 * {@code U = G g G^T} per filter and channel (done on the host, weights are small), and the output tile
 * {@code Y = A^T (sum over c of U[f][c] * V[c]) A}, a layer needs 16 multiply-adds per tile, channel and filter
 * instead of 36. The sum over channels is 16 independent matrix products ({@code filters x channels} by
 * {@code channels x tiles}, one per position of the 4x4), which is what a GPU does best ({@link #multiply}).
 *
 * <p>Layouts: the padded input {@code in[(c * inH + y) * inW + x]} holds at least {@code 2 * tilesY + 2} rows and
 * {@code 2 * tilesX + 2} columns (the host pads the last odd row and column with zeros); {@code v[(p * channels + c)
 * * tiles + t]}, {@code u[(p * filters + f) * channelsPerGroup + c]} and {@code m[(p * filters + f) * tiles + t]}
 * for position {@code p = 4 * row + column} of the 4x4 and tile {@code t = ty * tilesX + tx}.
 */
public final class WinogradKernels {

    /** The work-group of {@link #multiply} is {@code TILE x TILE} (tiles x filters), as its local blocks are. */
    public static final int TILE = 16;
    /** Tiles one work-group of {@link #multiply} sums: four per work-item. */
    public static final int TILES_PER_GROUP = 4 * TILE;

    private WinogradKernels() {
    }

    /**
     * {@code V = B^T d B} for every channel and tile, one work-item each, with {@code B^T = [1 0 -1 0; 0 1 1 0;
     * 0 -1 1 0; 0 1 0 -1]}: row i of {@code B^T d} is {@code d[a] + s * d[b]} over rows a and b of the patch, and the
     * columns of that row are combined the same way.
     */
    public static void transformInput(FloatArray in, FloatArray v, int channels, int inH, int inW, int tilesY,
                                      int tilesX) {
        int tiles = tilesY * tilesX;
        for (@Parallel int idx = 0; idx < channels * tiles; idx++) {
            int c = idx / tiles;
            int t = idx - c * tiles;
            int ty = t / tilesX;
            int tx = t - ty * tilesX;
            int corner = (c * inH + 2 * ty) * inW + 2 * tx;
            for (int i = 0; i < 4; i++) {
                // B^T's row i: rows (0, 2) as d0 - d2, (1, 2) as d1 + d2, (2, 1) as d2 - d1, (1, 3) as d1 - d3
                int a = i == 0 ? 0 : (i == 2 ? 2 : 1);
                int b = i == 3 ? 3 : (i == 2 ? 1 : 2);
                float s = i == 1 ? 1f : -1f;
                int rowA = corner + a * inW;
                int rowB = corner + b * inW;
                float t0 = in.get(rowA) + s * in.get(rowB);
                float t1 = in.get(rowA + 1) + s * in.get(rowB + 1);
                float t2 = in.get(rowA + 2) + s * in.get(rowB + 2);
                float t3 = in.get(rowA + 3) + s * in.get(rowB + 3);
                int p = (4 * i * channels + c) * tiles + t;
                v.set(p, t0 - t2);
                v.set(p + channels * tiles, t1 + t2);
                v.set(p + 2 * channels * tiles, t2 - t1);
                v.set(p + 3 * channels * tiles, t1 - t3);
            }
        }
    }

    /**
     * {@code m[p][f][t] = sum over c of u[p][f][c] * v[p][group's first channel + c][t]}: a tiled matrix product on a
     * 3-D grid of {@code TILE x TILE} work-groups, x over blocks of {@link #TILES_PER_GROUP} tiles, y over (group,
     * block of {@code TILE} filters) as {@code groupIdy = g * filterBlocks + block}, z over the 16 positions. Each
     * step of the channel loop copies a {@code TILE x TILE} block of u and a {@code TILE x TILES_PER_GROUP} block of
     * v into local memory (zero outside the matrices), waits, and adds the block's products; every value is then
     * read from global memory once per work-group instead of once per work-item. Each work-item sums four tiles
     * (columns {@code lx + 16 r}), so one read of a weight from local memory serves four multiply-adds.
     */
    public static void multiply(KernelContext context, FloatArray u, FloatArray v, FloatArray m, int tiles,
                                int channels, int filters, int filtersPerGroup, int channelsPerGroup,
                                int filterBlocks) {
        float[] uBlock = context.allocateFloatLocalArray(TILE * TILE);
        float[] vBlock = context.allocateFloatLocalArray(TILE * TILES_PER_GROUP);
        int lx = context.localIdx;
        int ly = context.localIdy;
        int p = context.groupIdz;
        int g = context.groupIdy / filterBlocks;
        int fInGroup = (context.groupIdy - g * filterBlocks) * TILE + ly;
        int f = g * filtersPerGroup + fInGroup;
        int t0 = context.groupIdx * TILES_PER_GROUP + lx;
        int firstChannel = g * channelsPerGroup;
        float sum0 = 0f;
        float sum1 = 0f;
        float sum2 = 0f;
        float sum3 = 0f;
        for (int c0 = 0; c0 < channelsPerGroup; c0 += TILE) {
            float a = 0f;
            if (fInGroup < filtersPerGroup && c0 + lx < channelsPerGroup) {
                a = u.get((p * filters + f) * channelsPerGroup + c0 + lx);
            }
            uBlock[ly * TILE + lx] = a;
            int row = (p * channels + firstChannel + c0 + ly) * tiles;
            for (int r = 0; r < 4; r++) {
                int t = t0 + r * TILE;
                float b = 0f;
                if (t < tiles && c0 + ly < channelsPerGroup) {
                    b = v.get(row + t);
                }
                vBlock[ly * TILES_PER_GROUP + lx + r * TILE] = b;
            }
            context.localBarrier();
            for (int k = 0; k < TILE; k++) {
                float weight = uBlock[ly * TILE + k];
                int column = k * TILES_PER_GROUP + lx;
                sum0 += weight * vBlock[column];
                sum1 += weight * vBlock[column + TILE];
                sum2 += weight * vBlock[column + 2 * TILE];
                sum3 += weight * vBlock[column + 3 * TILE];
            }
            context.localBarrier();
        }
        if (fInGroup < filtersPerGroup) {
            int out = (p * filters + f) * tiles + t0;
            if (t0 < tiles) {
                m.set(out, sum0);
            }
            if (t0 + TILE < tiles) {
                m.set(out + TILE, sum1);
            }
            if (t0 + 2 * TILE < tiles) {
                m.set(out + 2 * TILE, sum2);
            }
            if (t0 + 3 * TILE < tiles) {
                m.set(out + 3 * TILE, sum3);
            }
        }
    }

    /**
     * {@code Y = A^T M A + bias} for every filter and tile, one work-item each, with {@code A^T = [1 1 1 0;
     * 0 1 -1 -1]}; the second row and column of a tile are not written where the output ends at an odd size.
     */
    public static void transformOutput(FloatArray m, FloatArray bias, FloatArray out, int filters, int outH,
                                       int outW, int tilesY, int tilesX) {
        int tiles = tilesY * tilesX;
        for (@Parallel int idx = 0; idx < filters * tiles; idx++) {
            int f = idx / tiles;
            int t = idx - f * tiles;
            int ty = t / tilesX;
            int tx = t - ty * tilesX;
            float y00 = 0f;
            float y01 = 0f;
            float y10 = 0f;
            float y11 = 0f;
            for (int j = 0; j < 4; j++) {
                // column j of A^T M, then A's column coefficients: (1, 1, 1, 0) and (0, 1, -1, -1)
                int p = (f * tiles + t) + j * filters * tiles;
                float m0 = m.get(p);
                float m1 = m.get(p + 4 * filters * tiles);
                float m2 = m.get(p + 8 * filters * tiles);
                float m3 = m.get(p + 12 * filters * tiles);
                float s0 = m0 + m1 + m2;
                float s1 = m1 - m2 - m3;
                float first = j < 3 ? 1f : 0f;
                float second = j == 0 ? 0f : (j == 1 ? 1f : -1f);
                y00 += first * s0;
                y01 += second * s0;
                y10 += first * s1;
                y11 += second * s1;
            }
            float b = bias.get(f);
            int oy = 2 * ty;
            int ox = 2 * tx;
            int row = (f * outH + oy) * outW + ox;
            out.set(row, y00 + b);
            if (ox + 1 < outW) {
                out.set(row + 1, y01 + b);
            }
            if (oy + 1 < outH) {
                out.set(row + outW, y10 + b);
                if (ox + 1 < outW) {
                    out.set(row + outW + 1, y11 + b);
                }
            }
        }
    }
}

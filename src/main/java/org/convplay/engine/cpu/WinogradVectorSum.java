package org.convplay.engine.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.convplay.engine.ConvGeometry;

/**
 * The channel sums of {@link WinogradF23}, {@code m[f][p] = sum over c of u[f][c] * v[c][p]}, written with the Vector
 * API (the incubator module {@code jdk.incubator.vector}) as register blocks: four filters by two vectors of tiles,
 * eight accumulators that stay in registers while every channel goes by. Per channel that is two loads and four
 * broadcasts for eight fused multiply-adds; the loops C2 vectorises on its own ({@link TapSums#accumulate}) must
 * load and store an accumulator in memory for every five products, and C2 on Java 17 will not keep several filters'
 * accumulators in one loop (it leaves such a loop scalar). The register blocks measured faster than the loops, alone
 * and within a whole layer (docs/performance.md, "WinogradVectorSum").
 *
 * <p>Tiles outermost: each block of tiles (its sources, 4 KiB for 64 channels, and the group's weights, 16 KiB) stays
 * in L1 while every filter block uses it, and the sources come from L2 or the other core's cache once. Filters
 * outermost, every filter block streamed all of a task's sources (200 KiB, 64 arrays at once, too many streams for
 * the prefetchers) again, and the layer ran slower. The block's sources are first copied into one small array,
 * channel after channel, so that the filter blocks read one contiguous run instead of two vectors from each of 64
 * arrays, which measured faster in alternating (ABBA) runs of the whole layer.
 *
 * <p>Only loaded where {@link WinogradF23#VECTOR_API} (the module is present and C2 compiles): a JVM started without
 * {@code --add-modules jdk.incubator.vector} cannot load this class, and the loops run instead.
 * Fused multiply-adds round once where the loops round twice, so the sums differ from theirs in the last bits, within
 * the engines' contract.
 */
final class WinogradVectorSum {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Tiles per register block: two vectors. */
    static final int BLOCK = 2 * LANES;

    private WinogradVectorSum() {
    }

    /**
     * {@code m[f][p] = sum over c < v.length of u[f][c] * v[c][p]} for filters {@code f0 <= f < f1} and tiles
     * {@code 0 <= p < } {@code tiles} rounded up to {@link #BLOCK}: every array must be that long. The values past
     * {@code tiles} are sums of whatever the sources hold there, and mean nothing.
     */
    static void sum(float[][] m, float[][] v, float[][] u, int f0, int f1, int tiles) {
        int end = ConvGeometry.ceilDiv(tiles, BLOCK) * BLOCK;
        int whole = f0 + (f1 - f0) / 4 * 4;
        int channels = v.length;
        float[] block = new float[channels * BLOCK];
        for (int p = 0; p < end; p += BLOCK) {
            for (int c = 0; c < channels; c++) {
                FloatVector.fromArray(SPECIES, v[c], p).intoArray(block, c * BLOCK);
                FloatVector.fromArray(SPECIES, v[c], p + LANES).intoArray(block, c * BLOCK + LANES);
            }
            for (int f = f0; f < whole; f += 4) {
                four(m, block, u, f, p);
            }
            for (int f = whole; f < f1; f++) {
                one(m[f], block, u[f], p);
            }
        }
    }

    /** Filters f to f+3 over the tiles of {@code block}, which holds them channel after channel, written at p. */
    private static void four(float[][] m, float[] block, float[][] u, int f, int p) {
        float[] u0 = u[f];
        float[] u1 = u[f + 1];
        float[] u2 = u[f + 2];
        float[] u3 = u[f + 3];
        FloatVector a00 = FloatVector.zero(SPECIES);
        FloatVector a01 = a00;
        FloatVector a10 = a00;
        FloatVector a11 = a00;
        FloatVector a20 = a00;
        FloatVector a21 = a00;
        FloatVector a30 = a00;
        FloatVector a31 = a00;
        int channels = block.length / BLOCK;
        for (int c = 0; c < channels; c++) {
            FloatVector x0 = FloatVector.fromArray(SPECIES, block, c * BLOCK);
            FloatVector x1 = FloatVector.fromArray(SPECIES, block, c * BLOCK + LANES);
            FloatVector w = FloatVector.broadcast(SPECIES, u0[c]);
            a00 = x0.fma(w, a00);
            a01 = x1.fma(w, a01);
            w = FloatVector.broadcast(SPECIES, u1[c]);
            a10 = x0.fma(w, a10);
            a11 = x1.fma(w, a11);
            w = FloatVector.broadcast(SPECIES, u2[c]);
            a20 = x0.fma(w, a20);
            a21 = x1.fma(w, a21);
            w = FloatVector.broadcast(SPECIES, u3[c]);
            a30 = x0.fma(w, a30);
            a31 = x1.fma(w, a31);
        }
        a00.intoArray(m[f], p);
        a01.intoArray(m[f], p + LANES);
        a10.intoArray(m[f + 1], p);
        a11.intoArray(m[f + 1], p + LANES);
        a20.intoArray(m[f + 2], p);
        a21.intoArray(m[f + 2], p + LANES);
        a30.intoArray(m[f + 3], p);
        a31.intoArray(m[f + 3], p + LANES);
    }

    private static void one(float[] m, float[] block, float[] u, int p) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        int channels = block.length / BLOCK;
        for (int c = 0; c < channels; c++) {
            FloatVector w = FloatVector.broadcast(SPECIES, u[c]);
            a0 = FloatVector.fromArray(SPECIES, block, c * BLOCK).fma(w, a0);
            a1 = FloatVector.fromArray(SPECIES, block, c * BLOCK + LANES).fma(w, a1);
        }
        a0.intoArray(m, p);
        a1.intoArray(m, p + LANES);
    }
}

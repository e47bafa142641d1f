package org.convplay.engine.cpu;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;

/**
 * Winograd's minimal filtering F(2x2, 3x3) for 3x3 kernels, stride 1, no dilation: each 2x2 block of outputs
 * from a 4x4 input tile with 16 multiplications per channel instead of 36, so 2.25 times fewer operations than
 * the direct method. It wins on layers with many channels and filters, where nearly all the time is the
 * channel sum (it becomes 16 small matrix products done with {@link TapSums#accumulate}); with few channels
 * the transforms cost more than they save. Rounding: the transforms only add, subtract and halve, so results
 * stay within a few float32 ulps of {@code sum |w*x|}, like the direct method.
 *
 * <p>Transforms (Lavin and Gray, "Fast Algorithms for Convolutional Neural Networks", 2015):
 * {@code V = Bt d B} per 4x4 input tile d, {@code U = G g Gt} per 3x3 kernel g, {@code M = sum over channels of U*V}
 * element-wise, output {@code Y = At M A} per tile, with
 * {@code Bt = [1 0 -1 0; 0 1 1 0; 0 -1 1 0; 0 1 0 -1]}, {@code G = [1 0 0; .5 .5 .5; .5 -.5 .5; 0 0 1]},
 * {@code At = [1 1 1 0; 0 1 -1 -1]}.
 *
 * <p>This class decides where the variant runs and drives a call: the transforms are in {@link WinogradTransforms},
 * the arrays kept from call to call in {@link WinogradWorkspace}, and the channel sums (M) here, as the loops C2
 * vectorises ({@link TapSums}) or as the Vector API's register blocks ({@link WinogradVectorSum}).
 */
final class WinogradF23 {

    /**
     * Transformed input plus products, in floats, as {@link #workspace} counts them (a call holds less, see
     * {@link WinogradWorkspace}): above this the direct method runs instead (memory bound).
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
     * runs far slower than with the loops (docs/performance.md, "WinogradF23"). A JVM that does not say (not HotSpot)
     * is taken to have it.
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
        WinogradWorkspace workspace = WinogradWorkspace.acquire(length);
        convolve(input, kernel, spec, plan, workspace, out, vectorSums);
        // only after a call that went through: a failed one may have left arrays in use
        workspace.release();
        return out;
    }

    private static void convolve(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan,
                                 WinogradWorkspace workspace, Tensor out, boolean vectorSums) {
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
            v[xi] = workspace.take(channels);
            // a pooled array's tail holds an earlier call's sums, which summed again call after call could grow to
            // infinities or subnormals (slow on some CPUs): zeros keep every tail at zero
            if (workspace.length > tiles) {
                for (float[] a : v[xi]) {
                    Arrays.fill(a, tiles, workspace.length, 0f);
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
        Parallel.forEach(channels, c -> WinogradTransforms.transformInput(input, c, spec.border(), plan.pads().top(),
                plan.pads().left(), columns, tilesY, tilesX, v, workspace));

        float[][][] u = WinogradTransforms.transformedWeights(kernel, spec);

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
            System.arraycopy(workspace.take(fpg), 0, m[xi], g * fpg, fpg);
            if (vectorSums) {
                WinogradVectorSum.sum(m[xi], sources, u[xi], g * fpg, (g + 1) * fpg, tiles);
                workspace.give(sources);
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
                            TapSums.first5(m[xi][f], p0, p1, sources, u[xi][f]);
                        } else {
                            Arrays.fill(m[xi][f], p0, p1, 0f);
                            TapSums.accumulate(m[xi][f], p0, p1, sources, u[xi][f], 0, c0);
                        }
                    }
                    for (int c = c0; c < cpg; c += 5) {
                        int n = Math.min(5, cpg - c);
                        for (int f = f0; f < f1; f++) {
                            TapSums.accumulate(m[xi][f], p0, p1, sources, u[xi][f], c, n);
                        }
                    }
                }
            }
            // this group's v[xi] is read by this task only: its arrays take the next tasks' products
            workspace.give(sources);
        });

        Parallel.forEach(filters, f -> WinogradTransforms.transformOutput(m, f, kernel.biasOf(f), out, tilesX, tiles));
        for (float[][] mx : m) {
            workspace.give(mx);
        }
    }
}

package org.convplay.engine.tornado.kernel;

import uk.ac.manchester.tornado.api.KernelContext;
import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

/**
 * The device code, apart from the engine that drives it. TornadoVM reads a kernel's class file through the system
 * class loader (to find its {@code @Parallel} loops), which inside the packaged Spring Boot jar cannot see
 * {@code BOOT-INF/classes}. So the kernels live in a class that uses nothing but TornadoVM's API, and the
 * {@code tornado} profile also packs this package into a small jar of its own
 * ({@code convolution-playground-<version>-tornado-kernels.jar}, module {@code convplay.tornado.kernels}) that
 * {@code target/tornado-jvm-args.txt} puts on the module path: there the system class loader loads it and finds
 * its bytes, and the engine in the application jar calls it.
 *
 * <p>Two direct forms live here: {@link #correlate}, one work-item per output straight from global memory (any
 * shape), and {@link #correlateTiled}, which stages each work-group's input window and the filter's taps in local
 * memory (shapes whose window fits). The Winograd form for 3x3 layers is {@link WinogradKernels}.
 */
public final class ConvolutionKernels {

    private ConvolutionKernels() {
    }

    /**
     * The device kernel: every output value {@code out[(f * outH + oy) * outW + ox]} of a correlation of the
     * padded input {@code in[(c * inH + y) * inW + x]} with OIHW weights. One flat parallel loop, so that adjacent
     * work-items write adjacent outputs and read adjacent inputs (coalesced on a GPU, vectorisable on a CPU).
     */
    public static void correlate(FloatArray in, FloatArray w, FloatArray bias, FloatArray out, int outputs, int outH,
                          int outW, int filtersPerGroup, int channelsPerGroup, int inH, int inW, int kh, int kw,
                          int sy, int sx, int dy, int dx) {
        for (@Parallel int idx = 0; idx < outputs; idx++) {
            int ox = idx % outW;
            int rest = idx / outW;
            int oy = rest % outH;
            int f = rest / outH;
            int firstChannel = (f / filtersPerGroup) * channelsPerGroup;
            float sum = bias.get(f);
            for (int c = 0; c < channelsPerGroup; c++) {
                int plane = (firstChannel + c) * inH + oy * sy;
                int taps = (f * channelsPerGroup + c) * kh;
                for (int j = 0; j < kh; j++) {
                    int row = (plane + j * dy) * inW + ox * sx;
                    int wRow = (taps + j) * kw;
                    for (int i = 0; i < kw; i++) {
                        sum += in.get(row + i * dx) * w.get(wRow + i);
                    }
                }
            }
            out.set(idx, sum);
        }
    }

    /** Outputs per side of a work-group of {@link #correlateTiled}: 16 x 16 = 256 work-items, one output each. */
    public static final int TILE = 16;
    /**
     * Largest side of the input window a work-group of {@link #correlateTiled} stages: {@code (TILE - 1) * stride
     * + (k - 1) * dilation + 1} must fit, e.g. an 11x11 kernel at stride 2 (41), or 33x33 at stride 1.
     * 48 x 48 floats are 9 KiB, well under the 32-64 KiB of local memory a GPU work-group gets.
     */
    public static final int MAX_WINDOW = 48;
    /** Most taps (kh * kw) {@link #correlateTiled} keeps in local memory: 16x16. */
    public static final int MAX_TAPS = 256;

    /**
     * The tiled direct kernel, run on a 2-D grid of {@code TILE x TILE} work-groups: x over output columns,
     * y over (filter, block of output rows) as {@code groupIdy = f * tilesY + blockRow}, so that every work-item of
     * a group works for one filter. For each input channel of the filter's group, the work-group first copies the
     * input window its outputs read (its block plus the kernel's halo) and the filter's taps for that channel into
     * local memory, each work-item a strided share of the copy, then waits at a barrier; each work-item then sums its
     * output's taps from local memory alone. Every input value is read from global memory once per work-group
     * instead of kh * kw times. Work-items past the output's right or bottom edge help with the copies (a barrier
     * must be reached by all) and write nothing.
     */
    public static void correlateTiled(KernelContext context, FloatArray in, FloatArray w, FloatArray bias,
                                      FloatArray out, int outH, int outW, int filtersPerGroup, int channelsPerGroup,
                                      int inH, int inW, int kh, int kw, int sy, int sx, int dy, int dx, int tilesY) {
        float[] window = context.allocateFloatLocalArray(MAX_WINDOW * MAX_WINDOW);
        float[] taps = context.allocateFloatLocalArray(MAX_TAPS);
        int lx = context.localIdx;
        int ly = context.localIdy;
        int local = ly * TILE + lx;
        int f = context.groupIdy / tilesY;
        int oy0 = (context.groupIdy - f * tilesY) * TILE;
        int ox0 = context.groupIdx * TILE;
        int windowH = (TILE - 1) * sy + (kh - 1) * dy + 1;
        int windowW = (TILE - 1) * sx + (kw - 1) * dx + 1;
        int y0 = oy0 * sy;
        int x0 = ox0 * sx;
        int tapCount = kh * kw;
        int firstChannel = (f / filtersPerGroup) * channelsPerGroup;
        float sum = bias.get(f);
        for (int c = 0; c < channelsPerGroup; c++) {
            int plane = (firstChannel + c) * inH;
            for (int k = local; k < windowH * windowW; k += TILE * TILE) {
                int r = k / windowW;
                int col = k - r * windowW;
                float value = 0f;
                if (y0 + r < inH && x0 + col < inW) {
                    value = in.get((plane + y0 + r) * inW + x0 + col);
                }
                window[r * MAX_WINDOW + col] = value;
            }
            int firstTap = (f * channelsPerGroup + c) * tapCount;
            for (int k = local; k < tapCount; k += TILE * TILE) {
                taps[k] = w.get(firstTap + k);
            }
            context.localBarrier();
            for (int j = 0; j < kh; j++) {
                int row = (ly * sy + j * dy) * MAX_WINDOW + lx * sx;
                for (int i = 0; i < kw; i++) {
                    sum += window[row + i * dx] * taps[j * kw + i];
                }
            }
            context.localBarrier();
        }
        int ox = ox0 + lx;
        int oy = oy0 + ly;
        if (ox < outW && oy < outH) {
            out.set((f * outH + oy) * outW + ox, sum);
        }
    }
}

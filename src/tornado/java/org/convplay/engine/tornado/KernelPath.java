package org.convplay.engine.tornado;

import org.convplay.engine.tornado.kernel.ConvolutionKernels;
import org.convplay.engine.tornado.kernel.WinogradKernels;

/**
 * The three ways the tornado engine computes a request, and which one it takes: the most specialised form that
 * covers the shape. All three give the reference engine's numbers (the tornado profile's tests run the engines'
 * contract once with each preferred).
 */
public enum KernelPath {

    /**
     * {@link ConvolutionKernels#correlate}: one work-item per output, every tap read from global memory. Covers
     * every shape; taken where the tiled window does not fit local memory (large kernels, strides or dilations).
     */
    DIRECT,

    /**
     * {@link ConvolutionKernels#correlateTiled}: each 16x16 block of outputs stages its input window and the taps in
     * local memory, so an input value is read from global memory once per block instead of once per tap. Taken
     * whenever the window fits ({@link ConvolutionKernels#MAX_WINDOW}), which is almost every request.
     */
    TILED,

    /**
     * {@link WinogradKernels}: 3x3, stride 1, no dilation, from {@link #WINOGRAD_MIN_CHANNELS} channels per group.
     * With many channels the sum over channels dominates, and Winograd turns it into 16 matrix products with 2.25x
     * fewer multiply-adds; with few, the transforms cost more than they save and the tiled form is as good. The cpu
     * engine switches at the same count.
     */
    WINOGRAD;

    /** Channels per group from which a 3x3 stride-1 layer takes the Winograd form (as the cpu engine does). */
    public static final int WINOGRAD_MIN_CHANNELS = 8;

    /**
     * The path for {@code shape}: {@code preferred} when it covers the shape (tests use this to run every path;
     * a preferred Winograd ignores the channel count), otherwise the automatic choice.
     */
    static KernelPath choose(TornadoEngine.Shape shape, KernelPath preferred) {
        if (preferred != null && preferred.covers(shape)) {
            return preferred;
        }
        if (WINOGRAD.covers(shape) && shape.channelsPerGroup() >= WINOGRAD_MIN_CHANNELS) {
            return WINOGRAD;
        }
        return TILED.covers(shape) ? TILED : DIRECT;
    }

    /** Whether this path can compute {@code s} at all. */
    boolean covers(TornadoEngine.Shape s) {
        return switch (this) {
            case DIRECT -> true;
            case TILED -> window(s.sy(), s.kh(), s.dy()) <= ConvolutionKernels.MAX_WINDOW
                    && window(s.sx(), s.kw(), s.dx()) <= ConvolutionKernels.MAX_WINDOW
                    && s.kh() * s.kw() <= ConvolutionKernels.MAX_TAPS;
            case WINOGRAD -> s.kh() == 3 && s.kw() == 3 && s.sy() == 1 && s.sx() == 1 && s.dy() == 1 && s.dx() == 1;
        };
    }

    /** The input rows (or columns) one work-group of the tiled kernel reads. */
    private static long window(int stride, int k, int dilation) {
        return (long) (ConvolutionKernels.TILE - 1) * stride + (long) (k - 1) * dilation + 1;
    }
}

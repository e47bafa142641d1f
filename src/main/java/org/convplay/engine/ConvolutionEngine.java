package org.convplay.engine;

/**
 * One way of computing a convolution. Every implementation gives the reference engine's numbers
 * (to float32 rounding) for every input it accepts; faster ones differ only in how.
 */
public interface ConvolutionEngine {

    /** Short stable name used by the API's {@code backend} field, e.g. "reference". */
    String name();

    /**
     * One line on how this engine runs on this machine (threads, SIMD, library version, device), for the
     * benchmark's machine notes.
     */
    default String describe() {
        return name() + " engine";
    }

    /**
     * Cross-correlation (or convolution when {@code spec.flip()}) of a C x H x W input with an
     * F x C/g x kh x kw kernel, plus bias. Returns F x H' x W'.
     *
     * @throws ShapeException when the sizes do not fit together
     */
    Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec);

    /**
     * As {@link #convolve(Tensor, Kernel, ConvSpec)}, writing the result into {@code out}, which must have the output's
     * shape and must not share the input's array; returns {@code out}. For callers that convolve the same shapes again
     * and again (the benchmark, as OpenCV's {@code filter2D} reuses its {@code dst}): an engine that writes in place
     * skips allocating a new output, which the JVM zeroes first: for a 2048x2048 output, 16 MiB, that is a third of a
     * 3x3 filter's time (docs/performance.md). Every engine here writes in place ({@link InPlaceEngine}).
     *
     * @throws ShapeException when the sizes do not fit together, {@code out}'s included
     */
    Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, Tensor out);
}

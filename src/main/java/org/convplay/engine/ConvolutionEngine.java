package org.convplay.engine;

/**
 * One way of computing a convolution. Every implementation gives the reference engine's numbers
 * (to float32 rounding) for every input it accepts; faster ones differ only in how.
 */
public interface ConvolutionEngine {

    /** Short stable name used by the API's {@code backend} field, e.g. "reference". */
    String name();

    /**
     * Cross-correlation (or convolution when {@code spec.flip()}) of a C x H x W input with an
     * F x C/g x kh x kw kernel, plus bias. Returns F x H' x W'.
     *
     * @throws ShapeException when the sizes do not fit together
     */
    Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec);
}

package org.convplay.convolve;

import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;

/**
 * One convolution as the pages and the API ask for it.
 *
 * @param matrixOutput true when input and kernel were both 2-D, so the answer is written as a matrix
 * @param backend      engine name, or null for the default
 * @param channelsLast true when the caller wrote arrays in the "tf" layout (H x W x C, kernels HWIO) and wants
 *                     the output written the same way
 */
public record ConvolutionRequest(Tensor input, Kernel kernel, ConvSpec spec, boolean matrixOutput, String backend,
                                 boolean channelsLast) {

    public ConvolutionRequest(Tensor input, Kernel kernel, ConvSpec spec, boolean matrixOutput, String backend) {
        this(input, kernel, spec, matrixOutput, backend, false);
    }
}

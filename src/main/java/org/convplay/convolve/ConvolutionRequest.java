package org.convplay.convolve;

import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;

/**
 * One convolution as the pages and the API ask for it.
 *
 * @param matrixOutput true when input and kernel were both 2-D, so the answer is written as a matrix
 * @param backend      engine name, or null for the default
 */
public record ConvolutionRequest(Tensor input, Kernel kernel, ConvSpec spec, boolean matrixOutput, String backend) {
}

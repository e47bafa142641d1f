package org.convplay.convolve;

import org.convplay.engine.ConvGeometry;
import org.convplay.engine.Tensor;

/** The output of one convolution with the geometry that produced it and the engine that ran. */
public record ConvolutionResult(Tensor output, ConvGeometry.Plan plan, String backend, double millis) {
}

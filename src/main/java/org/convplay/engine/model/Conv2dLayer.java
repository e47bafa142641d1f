package org.convplay.engine.model;

import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;

/** A convolution with fixed weights; the spec is already resolved (see {@link Convention#resolve}). */
public record Conv2dLayer(Kernel kernel, ConvSpec spec) implements Layer {

    public Conv2dLayer {
        if (kernel == null || spec == null) {
            throw new IllegalArgumentException("a conv2d layer needs a kernel and a spec");
        }
    }

    /** The fields the caller gave, completed with the convention's defaults. */
    public static Conv2dLayer of(Kernel kernel, ConvSettings settings, Convention convention) {
        return new Conv2dLayer(kernel, Convention.orDefault(convention).resolve(settings));
    }

    @Override
    public String type() {
        return "conv2d";
    }

    @Override
    public int[] outputShape(int[] input, Convention convention) {
        Convention.orDefault(convention).checkConv(spec);
        ConvGeometry.Plan plan = ConvGeometry.check(input[0], input[1], input[2], kernel, spec);
        return new int[] {kernel.filters(), plan.outHeight(), plan.outWidth()};
    }

    @Override
    public Tensor apply(Tensor input, ConvolutionEngine engine, Convention convention) {
        Convention.orDefault(convention).checkConv(spec);
        return engine.convolve(input, kernel, spec);
    }

    /** {@code F*(C/g)*kh*kw}, plus F when the layer has a bias. */
    @Override
    public long parameters() {
        return (long) kernel.weights().length + (kernel.hasBias() ? kernel.filters() : 0);
    }
}

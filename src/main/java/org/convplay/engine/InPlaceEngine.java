package org.convplay.engine;

/**
 * An engine that writes its result straight into an output tensor: it implements {@link #run}, and both
 * {@code convolve} methods, with the same checks and the same messages for every engine, come from here.
 */
public abstract class InPlaceEngine implements ConvolutionEngine {

    @Override
    public final Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec) {
        ConvGeometry.Plan plan = ConvGeometry.check(input, kernel, spec);
        return run(input, kernel, spec, plan, new Tensor(kernel.filters(), plan.outHeight(), plan.outWidth()));
    }

    @Override
    public final Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, Tensor out) {
        ConvGeometry.Plan plan = ConvGeometry.check(input, kernel, spec);
        ConvGeometry.checkOutput(input, kernel, plan, out);
        return run(input, kernel, spec, plan, out);
    }

    /**
     * The convolution planned as {@code plan}, written into {@code out}, whose shape has been checked; every value
     * of {@code out} must be written, as it may hold anything. Returns {@code out}.
     */
    protected abstract Tensor run(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Tensor out);
}

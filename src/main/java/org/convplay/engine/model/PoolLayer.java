package org.convplay.engine.model;

import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.Convention;
import org.convplay.engine.PoolSpec;
import org.convplay.engine.Pooling;
import org.convplay.engine.Tensor;

/** Max or average pooling; how {@code same} pads comes from the pipeline's convention. */
public record PoolLayer(Pooling.Kind kind, PoolSpec spec) implements Layer {

    public PoolLayer {
        if (kind == null || spec == null) {
            throw new IllegalArgumentException("a pooling layer needs a kind and a spec");
        }
    }

    public static PoolLayer max(PoolSpec spec) {
        return new PoolLayer(Pooling.Kind.MAX, spec);
    }

    public static PoolLayer average(PoolSpec spec) {
        return new PoolLayer(Pooling.Kind.AVERAGE, spec);
    }

    @Override
    public String type() {
        return kind == Pooling.Kind.MAX ? "maxpool2d" : "avgpool2d";
    }

    @Override
    public int[] outputShape(int[] input, Convention convention) {
        Pooling.Plan plan = Pooling.plan(input[1], input[2], spec, convention);
        return new int[] {input[0], plan.outHeight(), plan.outWidth()};
    }

    @Override
    public Tensor apply(Tensor input, ConvolutionEngine engine, Convention convention) {
        return Pooling.pool(kind, input, spec, convention);
    }

    @Override
    public long parameters() {
        return 0;
    }
}

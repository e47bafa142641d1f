package org.convplay.engine.model;

import org.convplay.engine.Activation;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.Convention;
import org.convplay.engine.Tensor;

/** An element-wise activation; keeps the shape. */
public record ActivationLayer(Activation activation) implements Layer {

    public ActivationLayer {
        if (activation == null) {
            throw new IllegalArgumentException("an activation layer needs an activation");
        }
    }

    @Override
    public String type() {
        return activation.id();
    }

    @Override
    public int[] outputShape(int[] input, Convention convention) {
        return input.clone();
    }

    @Override
    public Tensor apply(Tensor input, ConvolutionEngine engine, Convention convention) {
        return activation.apply(input);
    }

    @Override
    public long parameters() {
        return 0;
    }
}

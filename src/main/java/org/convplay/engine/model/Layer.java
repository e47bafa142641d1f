package org.convplay.engine.model;

import org.convplay.engine.Convention;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.Tensor;

/** One step of a {@link Pipeline}, as a Keras Sequential layer: a conv, a pooling or an activation. */
public sealed interface Layer permits Conv2dLayer, PoolLayer, ActivationLayer {

    /** The API's name for the layer: conv2d, maxpool2d, avgpool2d, relu, sigmoid, tanh or linear. */
    String type();

    /** The layer's output shape {@code [C, H, W]} for an input of shape {@code [C, H, W]}, without computing it. */
    int[] outputShape(int[] input, Convention convention);

    Tensor apply(Tensor input, ConvolutionEngine engine, Convention convention);

    /** Trainable parameters: weights plus biases. */
    long parameters();
}

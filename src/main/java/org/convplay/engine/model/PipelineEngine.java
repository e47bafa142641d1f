package org.convplay.engine.model;

import java.util.List;
import org.convplay.engine.Tensor;

/**
 * An engine that runs a whole {@link Pipeline} at once, keeping the data between layers where it computes (the
 * tornado engine: on the device, with no copy back to Java between conv, activation and pooling). Engines without it
 * run layer by layer, convolutions through {@link org.convplay.engine.ConvolutionEngine#convolve}.
 */
public interface PipelineEngine {

    /**
     * Each layer's output in order, as {@link Pipeline#run} computes them layer by layer; when not
     * {@code everyLayer}, only the last is computed into Java and the others are null. The pipeline has already
     * checked the shapes (its errors name the layer).
     */
    List<Tensor> runLayers(Pipeline pipeline, Tensor input, boolean everyLayer);
}

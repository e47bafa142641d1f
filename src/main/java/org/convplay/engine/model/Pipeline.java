package org.convplay.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.Convention;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.ShapeException;
import org.convplay.engine.Tensor;

/**
 * A small sequential model, like Keras's Sequential: layers applied in order under one convention
 * (which decides pooling's {@code same}). Errors name the failing layer as {@code layers[i] (type)}.
 */
public final class Pipeline {

    /** One layer's result: its index, type, output (C x H x W) and parameter count. */
    public record LayerOutput(int index, String type, Tensor output, long parameters) {
        /** {@code [C, H, W]}. */
        public int[] shape() {
            return output.shape();
        }
    }

    /** Every layer's output, in order; {@link #output()} is the last one (the input when there are no layers). */
    public record Result(Tensor input, List<LayerOutput> layers) {
        public Tensor output() {
            return layers.isEmpty() ? input : layers.get(layers.size() - 1).output();
        }

        /** {@code [C, H, W]} after each layer. */
        public List<int[]> shapes() {
            return layers.stream().map(LayerOutput::shape).toList();
        }

        public long parameters() {
            return layers.stream().mapToLong(LayerOutput::parameters).sum();
        }
    }

    private final Convention convention;
    private final List<Layer> layers;

    /** A null convention means {@link Convention#DEFAULT}. */
    public Pipeline(Convention convention, List<Layer> layers) {
        this.convention = Convention.orDefault(convention);
        this.layers = List.copyOf(layers);
    }

    public Convention convention() {
        return convention;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Total trainable parameters. */
    public long parameters() {
        return layers.stream().mapToLong(Layer::parameters).sum();
    }

    /** Parameters of each layer, in order. */
    public List<Long> parametersPerLayer() {
        return layers.stream().map(Layer::parameters).toList();
    }

    /** {@code [C, H, W]} after each layer for an input of {@code inputShape}, without computing anything. */
    public List<int[]> shapes(int[] inputShape) {
        List<int[]> shapes = new ArrayList<>();
        int[] shape = inputShape.clone();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            try {
                shape = layer.outputShape(shape, convention);
            } catch (IllegalArgumentException e) {
                throw located(i, layer, shape, e);
            }
            shapes.add(shape);
        }
        return shapes;
    }

    public Result run(Tensor input) {
        return run(input, new ReferenceEngine());
    }

    public Result run(Tensor input, ConvolutionEngine engine) {
        return run(input, engine, () -> false);
    }

    /**
     * As {@link #run(Tensor, ConvolutionEngine)}, checking {@code cancelled} and the thread's interrupt flag before
     * every layer. A {@link PipelineEngine} runs all the layers at once (checked for cancellation before they start).
     *
     * @throws CancellationException when cancelled; nothing partial is returned
     */
    public Result run(Tensor input, ConvolutionEngine engine, BooleanSupplier cancelled) {
        List<LayerOutput> outputs = new ArrayList<>();
        if (engine instanceof PipelineEngine whole && !layers.isEmpty()) {
            // all layers in one go: cancellation is seen only before they start
            checkCancelled(cancelled, 0);
            shapes(input.shape());
            List<Tensor> results = whole.runLayers(this, input, true);
            for (int i = 0; i < layers.size(); i++) {
                Layer layer = layers.get(i);
                outputs.add(new LayerOutput(i, layer.type(), results.get(i), layer.parameters()));
            }
            return new Result(input, outputs);
        }
        Tensor current = input;
        for (int i = 0; i < layers.size(); i++) {
            checkCancelled(cancelled, i);
            Layer layer = layers.get(i);
            try {
                current = layer.apply(current, engine, convention);
            } catch (IllegalArgumentException e) {
                throw located(i, layer, current.shape(), e);
            }
            outputs.add(new LayerOutput(i, layer.type(), current, layer.parameters()));
        }
        return new Result(input, outputs);
    }

    private static void checkCancelled(BooleanSupplier cancelled, int layer) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("pipeline cancelled before layer " + layer);
        }
    }

    /** The same kind of exception, its message prefixed with the layer and the shape that reached it. */
    private static IllegalArgumentException located(int index, Layer layer, int[] inputShape, IllegalArgumentException e) {
        String message = "layers[" + index + "] (" + layer.type() + ") on input " + Arrays.toString(inputShape) + ": "
                + e.getMessage();
        if (e instanceof ShapeException) {
            ShapeException located = new ShapeException(message, "error.inLayer", index, layer.type(), Arrays.toString(inputShape), e);
            located.initCause(e);
            return located;
        }
        return new IllegalArgumentException(message, e);
    }
}

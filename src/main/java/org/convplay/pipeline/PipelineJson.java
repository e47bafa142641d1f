package org.convplay.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.JsonArrays;
import org.convplay.shared.Limits;
import org.convplay.shared.NdArray;
import org.convplay.shared.RequestJson;
import org.convplay.engine.Activation;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Initializer;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.PoolSpec;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.ActivationLayer;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Layer;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PoolLayer;

/**
 * Reads the body of {@code POST /api/pipeline} (docs/api.md). A conv2d layer gives its {@code kernel}, or
 * {@code filters}, {@code size}, {@code init} ("glorot_uniform", "zeros", "ones") and {@code seed} to have
 * the weights made for it (an extension of the contract, used by the pipeline page).
 */
public final class PipelineJson {

    static final Set<String> FIELDS = Set.of("input", "convention", "layers", "backend", "layout");
    static final Set<String> CONV_FIELDS = Set.of("type", "kernel", "bias", "padding", "stride", "dilation", "groups",
            "flip", "border", "filters", "size", "init", "seed", "useBias");
    static final Set<String> POOL_FIELDS = Set.of("type", "size", "stride", "padding");
    static final Set<String> ACTIVATION_FIELDS = Set.of("type");

    /** What the body asks for. */
    /** {@code channelsLast}: the body used the "tf" layout, and wants the output in it too. */
    public record Request(Tensor input, Pipeline pipeline, String backend, boolean channelsLast) {
    }

    private PipelineJson() {
    }

    public static Request read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("the body must be a JSON object with \"input\" and \"layers\"");
        }
        RequestJson.rejectUnknown(body, FIELDS);
        boolean channelsLast = RequestJson.channelsLast(body);
        NdArray inputArray = RequestJson.input(JsonArrays.read(body.get("input"), "input", Limits.MAX_INPUT_VALUES), channelsLast);
        Tensor input = inputArray.toTensor("input");
        Convention convention = RequestJson.convention(body);
        JsonNode layersNode = body.get("layers");
        if (layersNode == null || !layersNode.isArray()) {
            throw new BadRequestException("layers is required: a list of layers such as {\"type\": \"conv2d\", ...}");
        }
        if (layersNode.size() > PipelineService.MAX_LAYERS) {
            throw new org.convplay.shared.TooLargeException("layers has " + layersNode.size() + " entries; the limit is "
                    + PipelineService.MAX_LAYERS);
        }
        List<Layer> layers = new ArrayList<>();
        int[] shape = input.shape();
        for (int i = 0; i < layersNode.size(); i++) {
            String where = "layers[" + i + "]";
            Layer layer = layer(layersNode.get(i), where, shape, convention, channelsLast);
            try {
                shape = layer.outputShape(shape, convention);
            } catch (IllegalArgumentException e) {
                String on = java.util.Arrays.toString(shape);
                throw new BadRequestException(where + " (" + layer.type() + ") on input " + on + ": " + e.getMessage(),
                        "error.inLayer", i, layer.type(), on, e);
            }
            layers.add(layer);
        }
        return new Request(input, new Pipeline(convention, layers), RequestJson.text(body, "backend"), channelsLast);
    }

    static Layer layer(JsonNode node, String where, int[] inputShape, Convention convention, boolean channelsLast) {
        if (node == null || !node.isObject() || !node.hasNonNull("type") || !node.get("type").isTextual()) {
            throw new BadRequestException(where + " must be an object with a \"type\": conv2d, maxpool2d, avgpool2d, relu, sigmoid, tanh or linear");
        }
        String type = node.get("type").textValue();
        try {
            return switch (type) {
                case "conv2d" -> conv(node, where, inputShape[0], convention, channelsLast);
                case "maxpool2d" -> PoolLayer.max(pool(node, where));
                case "avgpool2d" -> PoolLayer.average(pool(node, where));
                case "relu", "sigmoid", "tanh", "linear" -> {
                    RequestJson.rejectUnknown(node, ACTIVATION_FIELDS);
                    yield new ActivationLayer(Activation.fromId(type));
                }
                default -> throw new BadRequestException("unknown type \"" + type
                        + "\": expected conv2d, maxpool2d, avgpool2d, relu, sigmoid, tanh or linear");
            };
        } catch (BadRequestException e) {
            throw e.getMessage().startsWith(where) ? e : BadRequestException.at(where, e);
        } catch (IllegalArgumentException e) {
            throw BadRequestException.at(where, e);
        }
    }

    private static Conv2dLayer conv(JsonNode node, String where, int channels, Convention convention, boolean channelsLast) {
        RequestJson.rejectUnknown(node, CONV_FIELDS);
        ConvSpec spec = RequestJson.spec(node, convention);
        Kernel kernel;
        if (node.hasNonNull("kernel")) {
            NdArray k = RequestJson.kernel(JsonArrays.read(node.get("kernel"), "kernel", Limits.MAX_KERNEL_VALUES), channelsLast);
            double[] bias = JsonArrays.vector(node.get("bias"), "bias", Limits.MAX_KERNEL_VALUES);
            if (k.rank() == 2 && channels != 1) {
                throw new BadRequestException("kernel is 2-D, which fits a single channel, but this layer's input has "
                        + channels + " channels: give F x C x kh x kw");
            }
            kernel = k.toKernel("kernel", bias);
        } else {
            if (!node.hasNonNull("filters") || !node.hasNonNull("size")) {
                throw new BadRequestException("a conv2d layer needs a \"kernel\", or \"filters\" and \"size\" to make one");
            }
            int filters = JsonArrays.positive(node.get("filters"), "filters", 1024);
            int[] size = JsonArrays.pair(node.get("size"), "size", 3, Limits.MAX_KERNEL_SIDE);
            String init = RequestJson.text(node, "init");
            long seed = node.hasNonNull("seed") ? JsonArrays.wholeNumber(node.get("seed"), "seed") : 0;
            if (channels % spec.groups() != 0) {
                throw new BadRequestException("groups (" + spec.groups() + ") must divide the input channels (" + channels + ")");
            }
            kernel = Initializer.fromId(init == null ? "glorot_uniform" : init)
                    .create(filters, channels / spec.groups(), size[0], size[1], seed);
            if (node.hasNonNull("useBias") && !node.get("useBias").asBoolean(true)) {
                kernel = new Kernel(kernel.filters(), kernel.channelsPerGroup(), kernel.height(), kernel.width(), kernel.weights(), null);
            }
        }
        return new Conv2dLayer(kernel, spec);
    }

    private static PoolSpec pool(JsonNode node, String where) {
        RequestJson.rejectUnknown(node, POOL_FIELDS);
        int[] size = JsonArrays.pair(node.get("size"), "size", 2, Limits.MAX_KERNEL_SIDE);
        int[] stride = node.hasNonNull("stride") ? JsonArrays.pair(node.get("stride"), "stride", 1, Limits.MAX_STEP) : size;
        Padding padding = RequestJson.padding(node.get("padding"));
        return new PoolSpec(size[0], size[1], stride[0], stride[1], padding);
    }
}

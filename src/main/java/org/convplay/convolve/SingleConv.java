package org.convplay.convolve;

import org.convplay.shared.NdArray;
import org.convplay.shared.Limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.convplay.shared.JsonArrays;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Padding;

/**
 * One matrix convolved with one kernel, as the playground and the sliding window hold it, written as a
 * /api/pipeline body with a single conv2d layer: what those pages save in an experiment, so the API can replay it.
 */
public record SingleConv(double[][] input, double[][] kernel, Convention convention, ConvSpec spec) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ObjectNode toRequest() {
        ObjectNode request = JSON.createObjectNode();
        request.set("input", JSON.valueToTree(JsonArrays.nested(NdArray.of(input))));
        request.put("convention", convention.id());
        ObjectNode conv = request.putArray("layers").addObject();
        conv.put("type", "conv2d");
        conv.set("kernel", JSON.valueToTree(JsonArrays.nested(
                new NdArray(new int[] {1, 1, kernel.length, kernel[0].length}, NdArray.of(kernel).values()))));
        Padding p = spec.padding();
        if (p.mode() == Padding.Mode.EXPLICIT) {
            conv.set("padding", JSON.valueToTree(new int[] {p.top(), p.bottom(), p.left(), p.right()}));
        } else {
            conv.put("padding", p.id());
        }
        conv.set("stride", JSON.valueToTree(new int[] {spec.strideY(), spec.strideX()}));
        conv.set("dilation", JSON.valueToTree(new int[] {spec.dilationY(), spec.dilationX()}));
        conv.put("flip", spec.flip());
        conv.put("border", spec.border().id());
        return request;
    }

    /** An experiment's body for the page {@code page}: this request, and a view that only names the page. */
    public ObjectNode toExperimentBody(String page) {
        ObjectNode body = JSON.createObjectNode();
        body.set("request", toRequest());
        body.putObject("view").put("page", page);
        return body;
    }

    /** Reads what {@link #toRequest()} wrote; the first kernel of the first layer when there are more. */
    public static SingleConv read(JsonNode request) {
        JsonNode conv = request.path("layers").path(0);
        int cells = Limits.MAX_EDITOR_SIDE * Limits.MAX_EDITOR_SIDE;
        double[][] input = JsonArrays.read(request.get("input"), "input", cells).toMatrix();
        NdArray k = JsonArrays.read(conv.get("kernel"), "kernel", cells);
        int kh = k.shape()[k.rank() - 2];
        int kw = k.shape()[k.rank() - 1];
        double[][] kernel = new NdArray(new int[] {kh, kw}, Arrays.copyOf(k.values(), kh * kw)).toMatrix();
        JsonNode p = conv.path("padding");
        Padding padding = p.isArray() ? Padding.explicit(p.get(0).asInt(), p.get(1).asInt(), p.get(2).asInt(), p.get(3).asInt())
                : Padding.named(p.asText("valid"));
        ConvSpec spec = ConvSpec.DEFAULT.withPadding(padding)
                .withStride(conv.path("stride").path(0).asInt(1), conv.path("stride").path(1).asInt(1))
                .withDilation(conv.path("dilation").path(0).asInt(1), conv.path("dilation").path(1).asInt(1))
                .withFlip(conv.path("flip").asBoolean(false))
                .withBorder(Border.fromId(conv.path("border").asText("zero")));
        return new SingleConv(input, kernel, Convention.fromId(request.path("convention").asText(Convention.DEFAULT.id())), spec);
    }
}

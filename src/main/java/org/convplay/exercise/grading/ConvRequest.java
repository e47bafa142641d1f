package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Padding;

/**
 * The shape-relevant part of a {@code POST /api/convolve} body that a practical answer contains:
 * array shapes, padding, stride, dilation and groups. Only shapes are read, so the grader never
 * runs the convolution; values are kept for checks such as "the filters differ".
 */
record ConvRequest(JsonNode body, int[] inputShape, int[] kernelShape, Padding padding, int strideY, int strideX,
                   int dilationY, int dilationX, int groups) {

    static final String PATH = "request";

    static ConvRequest read(JsonNode answer) {
        JsonNode body = Answer.field(answer, "", PATH);
        if (!body.isObject()) {
            throw Answer.malformed(PATH, "must be a JSON object: the body you sent to /api/convolve",
                    "deve ser um objeto JSON: o corpo enviado a /api/convolve");
        }
        int[] input = shapeOf(Answer.field(body, PATH, "input"), PATH + ".input");
        if (input.length != 2 && input.length != 3) {
            throw Answer.malformed(PATH + ".input", "must be H x W or C x H x W, got " + input.length + " dimensions",
                    "deve ser H x W ou C x H x W, veio com " + input.length + " dimensões");
        }
        int[] kernel = shapeOf(Answer.field(body, PATH, "kernel"), PATH + ".kernel");
        if (kernel.length != 2 && kernel.length != 4) {
            throw Answer.malformed(PATH + ".kernel", "must be kh x kw or F x C x kh x kw, got " + kernel.length + " dimensions",
                    "deve ser kh x kw ou F x C x kh x kw, veio com " + kernel.length + " dimensões");
        }
        Padding padding = padding(body.get("padding"));
        int[] stride = pair(body, "stride");
        int[] dilation = pair(body, "dilation");
        int groups = body.has("groups") ? (int) Answer.integer(body, PATH, "groups") : 1;
        if (groups < 1) {
            throw Answer.malformed(PATH + ".groups", "must be at least 1", "deve ser pelo menos 1");
        }
        return new ConvRequest(body, input, kernel, padding, stride[0], stride[1], dilation[0], dilation[1], groups);
    }

    int channels() {
        return inputShape.length == 3 ? inputShape[0] : 1;
    }

    int height() {
        return inputShape[inputShape.length - 2];
    }

    int width() {
        return inputShape[inputShape.length - 1];
    }

    int filters() {
        return kernelShape.length == 4 ? kernelShape[0] : 1;
    }

    int kernelChannels() {
        return kernelShape.length == 4 ? kernelShape[1] : 1;
    }

    int kernelHeight() {
        return kernelShape[kernelShape.length - 2];
    }

    int kernelWidth() {
        return kernelShape[kernelShape.length - 1];
    }

    /**
     * The output shape the playground would return: H' x W' for a 2-D input with a 2-D kernel,
     * F x H' x W' otherwise.
     *
     * @throws IllegalArgumentException when the request would be refused (the message says why)
     */
    int[] outputShape() {
        if (kernelChannels() * groups != channels()) {
            throw new IllegalArgumentException("the kernel has " + kernelChannels() + " channel(s) per filter but the input has "
                    + channels());
        }
        ConvSpec spec = ConvSpec.DEFAULT.withPadding(padding).withStride(strideY, strideX).withDilation(dilationY, dilationX)
                .withGroups(groups);
        ConvGeometry.Plan plan = ConvGeometry.plan(height(), width(), kernelHeight(), kernelWidth(), spec);
        return inputShape.length == 2 && kernelShape.length == 2
                ? new int[] {plan.outHeight(), plan.outWidth()}
                : new int[] {filters(), plan.outHeight(), plan.outWidth()};
    }

    private static Padding padding(JsonNode v) {
        String field = PATH + ".padding";
        if (v == null || v.isNull()) {
            return Padding.VALID;
        }
        if (v.isTextual()) {
            try {
                return Padding.named(v.asText());
            } catch (IllegalArgumentException e) {
                throw Answer.malformed(field, "is not a padding: " + e.getMessage(), "não é um padding: " + e.getMessage());
            }
        }
        int[] p = Answer.ints(v, field);
        if (p.length != 4 || p[0] < 0 || p[1] < 0 || p[2] < 0 || p[3] < 0) {
            throw Answer.malformed(field, "must be valid, same, full, half or [top, bottom, left, right] >= 0",
                    "deve ser valid, same, full, half ou [cima, baixo, esquerda, direita] >= 0");
        }
        return Padding.explicit(p[0], p[1], p[2], p[3]);
    }

    /** {@code n} or {@code [ny, nx]}, each at least 1; absent means 1. */
    private static int[] pair(JsonNode body, String name) {
        JsonNode v = body.get(name);
        String field = PATH + "." + name;
        if (v == null || v.isNull()) {
            return new int[] {1, 1};
        }
        int[] p = v.isArray() ? Answer.ints(v, field) : new int[] {(int) Answer.integer(body, PATH, name)};
        if (p.length == 1) {
            p = new int[] {p[0], p[0]};
        }
        if (p.length != 2 || p[0] < 1 || p[1] < 1) {
            throw Answer.malformed(field, "must be a whole number >= 1 or [y, x]", "deve ser um inteiro >= 1 ou [y, x]");
        }
        return p;
    }

    /** The shape of a rectangular nested list of numbers; anything ragged or non-numeric is malformed. */
    static int[] shapeOf(JsonNode v, String field) {
        List<Integer> shape = new ArrayList<>();
        JsonNode probe = v;
        while (probe.isArray()) {
            if (probe.isEmpty()) {
                throw Answer.malformed(field, "has an empty list", "tem uma lista vazia");
            }
            shape.add(probe.size());
            probe = probe.get(0);
        }
        if (shape.isEmpty()) {
            throw Answer.malformed(field, "must be a nested list of numbers", "deve ser uma lista aninhada de números");
        }
        int[] s = shape.stream().mapToInt(Integer::intValue).toArray();
        checkRectangular(v, s, 0, field);
        return s;
    }

    private static void checkRectangular(JsonNode v, int[] shape, int depth, String field) {
        if (depth == shape.length) {
            if (!v.isNumber()) {
                throw Answer.malformed(field, "must hold only numbers, found " + v, "deve conter só números, veio " + v);
            }
            return;
        }
        if (!v.isArray() || v.size() != shape[depth]) {
            throw Answer.malformed(field, "is not rectangular: expected " + shape[depth] + " items at depth " + depth,
                    "não é retangular: esperava " + shape[depth] + " itens na profundidade " + depth);
        }
        for (JsonNode child : v) {
            checkRectangular(child, shape, depth + 1, field);
        }
    }
}

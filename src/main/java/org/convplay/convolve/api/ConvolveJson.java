package org.convplay.convolve.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import org.convplay.api.BadRequestException;
import org.convplay.api.JsonArrays;
import org.convplay.convolve.ConvolutionRequest;
import org.convplay.convolve.Limits;
import org.convplay.convolve.NdArray;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.Tensor;

/** Reads the body of {@code POST /api/convolve} (docs/api.md) into a request, naming the field of every error. */
public final class ConvolveJson {

    static final Set<String> FIELDS = Set.of("input", "kernel", "bias", "padding", "stride", "dilation", "groups",
            "flip", "border", "convention", "backend", "layout");

    private ConvolveJson() {
    }

    static ConvolutionRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("the body must be a JSON object with at least \"input\" and \"kernel\"");
        }
        rejectUnknown(body, FIELDS);
        boolean channelsLast = channelsLast(body);
        NdArray inputArray = input(JsonArrays.read(body.get("input"), "input", Limits.MAX_INPUT_VALUES), channelsLast);
        NdArray kernelArray = kernel(JsonArrays.read(body.get("kernel"), "kernel", Limits.MAX_KERNEL_VALUES), channelsLast);
        Tensor input = inputArray.toTensor("input");
        double[] bias = JsonArrays.vector(body.get("bias"), "bias", Limits.MAX_KERNEL_VALUES);
        Kernel kernel = kernelArray.toKernel("kernel", bias);
        if (kernelArray.rank() == 2 && inputArray.rank() != 2) {
            throw new BadRequestException("kernel is 2-D (kh x kw), which goes with a 2-D input; for a C x H x W input "
                    + "give a 4-D kernel F x C x kh x kw");
        }
        Convention convention = convention(body);
        ConvSpec spec = spec(body, convention);
        return new ConvolutionRequest(input, kernel, spec, inputArray.rank() == 2 && kernelArray.rank() == 2, text(body, "backend"),
                channelsLast);
    }

    /**
     * {@code "layout": "th"} (the default: C x H x W inputs, F x C x kh x kw kernels) or {@code "tf"} (H x W x C inputs,
     * kh x kw x C x F kernels, as Keras' {@code dim_ordering='tf'} and TensorFlow write them).
     */
    public static boolean channelsLast(JsonNode body) {
        String layout = text(body, "layout");
        if (layout == null || layout.equals("th")) {
            return false;
        }
        if (layout.equals("tf")) {
            return true;
        }
        throw new BadRequestException("unknown layout \"" + layout + "\": expected \"th\" (C x H x W, OIHW) or \"tf\" (H x W x C, HWIO)");
    }

    /** An input as the engine reads it, C x H x W, from either layout. */
    public static NdArray input(NdArray a, boolean channelsLast) {
        return channelsLast && a.rank() == 3 ? a.transpose(2, 0, 1) : a;
    }

    /** A kernel as the engine reads it, OIHW, from either layout. */
    public static NdArray kernel(NdArray a, boolean channelsLast) {
        return channelsLast && a.rank() == 4 ? a.transpose(3, 2, 0, 1) : a;
    }

    /** The convention named in the body, or TensorFlow's (whose defaults are docs/api.md's plain defaults). */
    public static Convention convention(JsonNode body) {
        String id = text(body, "convention");
        if (id == null) {
            return Convention.DEFAULT;
        }
        try {
            return Convention.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** The layer fields shared with the pipeline's conv2d layers, completed by the convention's defaults. */
    public static ConvSpec spec(JsonNode body, Convention convention) {
        try {
            return convention.resolve(settings(body));
        } catch (BadRequestException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** Only the fields the body gives: the rest stay null so that the convention can fill them. */
    static ConvSettings settings(JsonNode body) {
        ConvSettings s = ConvSettings.EMPTY;
        if (body.hasNonNull("padding")) {
            s = s.withPadding(padding(body.get("padding")));
        }
        if (body.hasNonNull("stride")) {
            int[] stride = JsonArrays.pair(body.get("stride"), "stride", 1, Limits.MAX_STEP);
            s = s.withStride(stride[0], stride[1]);
        }
        if (body.hasNonNull("dilation")) {
            int[] dilation = JsonArrays.pair(body.get("dilation"), "dilation", 1, Limits.MAX_STEP);
            s = s.withDilation(dilation[0], dilation[1]);
        }
        if (body.hasNonNull("groups")) {
            s = s.withGroups(JsonArrays.positive(body.get("groups"), "groups", 65_536));
        }
        if (body.hasNonNull("flip")) {
            if (!body.get("flip").isBoolean()) {
                throw new BadRequestException("flip must be true or false, got " + body.get("flip"));
            }
            s = s.withFlip(body.get("flip").booleanValue());
        }
        String border = text(body, "border");
        if (border != null) {
            try {
                s = s.withBorder(Border.fromId(border));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        return s;
    }

    public static Padding padding(JsonNode node) {
        if (node == null || node.isNull()) {
            return Padding.VALID;
        }
        if (node.isTextual()) {
            try {
                return Padding.named(node.textValue());
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        if (node.isArray() && node.size() == 4) {
            int[] p = new int[4];
            for (int i = 0; i < 4; i++) {
                p[i] = JsonArrays.wholeNumber(node.get(i), "padding[" + i + "]");
                if (p[i] < 0 || p[i] > Limits.MAX_PADDING) {
                    throw new BadRequestException("padding[" + i + "] must be between 0 and " + Limits.MAX_PADDING + ", got " + p[i]);
                }
            }
            return Padding.explicit(p[0], p[1], p[2], p[3]);
        }
        throw new BadRequestException("padding must be \"valid\", \"same\", \"full\", \"half\" or [top, bottom, left, right], got " + node);
    }

    public static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new BadRequestException(field + " must be a string, got " + n);
        }
        return n.textValue();
    }

    public static void rejectUnknown(JsonNode body, Set<String> known) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new BadRequestException("unknown field \"" + name + "\"; known fields: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }
}

package org.convplay.shared;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Padding;

/**
 * The fields every request shares ({@code /api/convolve}, the pipeline's conv2d layers, the benchmark): layout,
 * convention, padding, stride, dilation, groups, flip, border; each error names its field.
 */
public final class RequestJson {

    private RequestJson() {
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
            throw BadRequestException.of(e);
        }
    }

    /** The layer fields shared with the pipeline's conv2d layers, completed by the convention's defaults. */
    public static ConvSpec spec(JsonNode body, Convention convention) {
        try {
            return convention.resolve(settings(body));
        } catch (BadRequestException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw BadRequestException.of(e);
        }
    }

    /** Only the fields the body gives: the rest stay null so that the convention can fill them. */
    public static ConvSettings settings(JsonNode body) {
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
                throw BadRequestException.of(e);
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
                throw BadRequestException.of(e);
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

package org.convplay.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.JsonArrays;
import org.convplay.shared.Limits;
import org.convplay.shared.NdArray;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;

/**
 * What the images page saves as an experiment's {@code request}: the image by the SHA-256 of its file (the
 * bytes are stored once, apart), how pixels become numbers, the convolution settings and every filter with its
 * preset, its "apply to" choice and its weights as edited:
 * <pre>{"image": {"sha256": "...", "fileName": "cat.png"}, "scale": "unit", "gray": false,
 *  "padding": "same", "border": "zero", "stride": 1,
 *  "filters": [{"preset": "sobel-x", "target": -1, "kernels": [[[-1,0,1],[-2,0,2],[-1,0,1]], ...]}]}</pre>
 * {@code target} is -1 for every channel, -2 for every channel divided by their number, else one channel's index.
 */
public record ImageExperiment(String sha256, String fileName, PixelScale scale, boolean gray, String padding,
                              Border border, int stride, List<Filter> filters) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One filter: {@code kernels} is one kh x kw matrix per input channel; {@code preset} may be null. */
    public record Filter(KernelPreset preset, int target, double[][][] kernels) {
    }

    /** Reads and checks a saved request; every message names the field that is wrong. */
    public static ImageExperiment read(JsonNode r) {
        if (r == null || !r.isObject()) {
            throw new BadRequestException("request must be an object with \"image\" and \"filters\"");
        }
        JsonNode image = r.path("image");
        String sha = image.path("sha256").asText("");
        if (!SHA256.matcher(sha).matches()) {
            throw new BadRequestException("request.image.sha256 must be 64 lower-case hex digits, got \"" + sha + "\"");
        }
        String fileName = image.path("fileName").asText("image");
        if (fileName.isBlank() || fileName.length() > 255) {
            throw new BadRequestException("request.image.fileName must have 1 to 255 characters");
        }
        PixelScale scale = choice(PixelScale.class, r.path("scale").asText("unit"), "request.scale", s -> s == PixelScale.UNIT ? "unit" : "byte");
        String padding = r.path("padding").asText("same");
        if (!padding.equals("same") && !padding.equals("valid")) {
            throw new BadRequestException("request.padding must be \"same\" or \"valid\", got \"" + padding + "\"");
        }
        Border border;
        try {
            border = Border.fromId(r.path("border").asText("zero"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("request.border: " + e.getMessage());
        }
        int stride = JsonArrays.pair(r.get("stride"), "request.stride", 1, Limits.MAX_STEP)[0];
        JsonNode fs = r.path("filters");
        if (!fs.isArray() || fs.isEmpty() || fs.size() > Limits.MAX_IMAGE_FILTERS) {
            throw new BadRequestException("request.filters must be a list of 1 to " + Limits.MAX_IMAGE_FILTERS + " filters");
        }
        List<Filter> filters = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            filters.add(filter(fs.get(i), "request.filters[" + i + "]"));
        }
        int channels = filters.get(0).kernels().length;
        for (int i = 1; i < filters.size(); i++) {
            if (filters.get(i).kernels().length != channels) {
                throw new BadRequestException("request.filters[" + i + "] has " + filters.get(i).kernels().length
                        + " kernels but filters[0] has " + channels + "; every filter has one kernel per input channel");
            }
        }
        return new ImageExperiment(sha, fileName, scale, r.path("gray").asBoolean(false), padding, border, stride, filters);
    }

    private static Filter filter(JsonNode f, String field) {
        KernelPreset preset = null;
        if (f.hasNonNull("preset")) {
            preset = choice(KernelPreset.class, f.get("preset").asText(), field + ".preset", KernelPreset::id);
        }
        int target = f.path("target").asInt(-1);
        NdArray k = JsonArrays.read(f.get("kernels"), field + ".kernels", 3 * Limits.MAX_EDITOR_SIDE * Limits.MAX_EDITOR_SIDE);
        if (k.rank() != 3 || k.shape()[0] > 3) {
            throw new BadRequestException(field + ".kernels must be 1 to 3 matrices (one per input channel), got shape "
                    + Arrays.toString(k.shape()));
        }
        int c = k.shape()[0];
        int kh = k.shape()[1];
        int kw = k.shape()[2];
        if (kh > Limits.MAX_EDITOR_SIDE || kw > Limits.MAX_EDITOR_SIDE) {
            throw new BadRequestException(field + ".kernels are " + kh + "x" + kw + "; the page edits kernels up to "
                    + Limits.MAX_EDITOR_SIDE + "x" + Limits.MAX_EDITOR_SIDE);
        }
        if (target < -2 || target >= c) {
            throw new BadRequestException(field + ".target must be -1 (each channel), -2 (mean) or a channel index below " + c
                    + ", got " + target);
        }
        double[][][] w = new double[c][kh][kw];
        double[] v = k.values();
        for (int i = 0; i < v.length; i++) {
            w[i / (kh * kw)][i / kw % kh][i % kw] = v[i];
        }
        return new Filter(preset, target, w);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String id, String field, java.util.function.Function<E, String> ids) {
        for (E e : type.getEnumConstants()) {
            if (ids.apply(e).equals(id)) {
                return e;
            }
        }
        throw new BadRequestException(field + " must be one of " + Arrays.stream(type.getEnumConstants()).map(ids).toList()
                + ", got \"" + id + "\"");
    }

    /** Checks the filters against the image they are saved with: one kernel per channel that is convolved. */
    public void check(DecodedImage image) {
        List<String> names = image.inputChannels(gray);
        int kernels = filters.get(0).kernels().length;
        if (kernels != names.size()) {
            throw new BadRequestException("request.filters have " + kernels + " kernel(s) each but the image"
                    + (gray ? " in gray" : "") + " has " + names.size() + " channel(s) to convolve: " + names);
        }
    }

    /** The filters as one layer's kernel: filters x channels x kh x kw, without bias. */
    public Kernel kernel() {
        double[][][][] w = new double[filters.size()][][][];
        for (int i = 0; i < w.length; i++) {
            w[i] = filters.get(i).kernels();
        }
        return Kernel.of(w, null);
    }

    public ConvSpec spec() {
        return spec(padding, border, stride);
    }

    /** The images page's convolution: a CNN's cross-correlation with this padding, border fill and stride. */
    public static ConvSpec spec(String padding, Border border, int stride) {
        return ConvSpec.DEFAULT.withPadding(Padding.named(padding)).withBorder(border).withStride(stride, stride);
    }

    /** The request as JSON, what {@link #read} reads back. */
    public ObjectNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode r = json.objectNode();
        r.putObject("image").put("sha256", sha256).put("fileName", fileName);
        r.put("scale", scale == PixelScale.UNIT ? "unit" : "byte");
        r.put("gray", gray);
        r.put("padding", padding);
        r.put("border", border.id());
        r.put("stride", stride);
        var fs = r.putArray("filters");
        for (Filter f : filters) {
            ObjectNode o = fs.addObject();
            if (f.preset() == null) {
                o.putNull("preset");
            } else {
                o.put("preset", f.preset().id());
            }
            o.put("target", f.target());
            var ks = o.putArray("kernels");
            for (double[][] k : f.kernels()) {
                var rows = ks.addArray();
                for (double[] row : k) {
                    var cells = rows.addArray();
                    for (double v : row) {
                        cells.add(v);
                    }
                }
            }
        }
        return r;
    }
}

package org.convplay.image.grading;

import org.convplay.exercise.grading.Answer;
import org.convplay.exercise.grading.Numbers;

import org.convplay.shared.Hashes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.convplay.shared.BadRequestException;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ShapeException;
import org.convplay.exercise.Text;
import org.convplay.image.ImageStore;
import org.convplay.image.DecodedImage;
import org.convplay.image.ImageExperiment;
import org.convplay.image.SampleImage;

/**
 * The images page's state as a practical answer grades it: the saved-experiment request (an
 * {@link ImageExperiment}) and the picture it names. A bundled sample is known by its SHA-256; any
 * other picture is described by {@code "picture": {"channels", "height", "width"}}, which the
 * page's task bar writes from the decoded file (the HTTP API takes it as given, since it is practice).
 *
 * @param colourChannels 1 for a gray file, 3 for a colour one (alpha is not convolved)
 */
record ImagePage(ImageExperiment request, int colourChannels, int height, int width) {

    /** Samples by the SHA-256 of their file. */
    private static final Map<String, SampleImage> SAMPLES = Arrays.stream(SampleImage.values())
            .collect(Collectors.toMap(s -> Hashes.sha256(s.bytes()), Function.identity()));

    static ImagePage read(JsonNode answer) {
        JsonNode r = Answer.field(answer, "", "request");
        ImageExperiment request;
        try {
            request = ImageExperiment.read(r);
        } catch (BadRequestException e) {
            throw new Answer.Malformed(Text.of("grading.image.unreadable", e.getMessage()));
        }
        SampleImage sample = SAMPLES.get(request.sha256());
        if (sample != null) {
            DecodedImage d = sample.decode();
            return new ImagePage(request, d.layout().colourChannels(), d.height(), d.width());
        }
        JsonNode picture = answer.get("picture");
        if (picture == null || !picture.isObject()) {
            throw Answer.malformed("picture", "grading.image.pictureMissing");
        }
        long channels = Answer.integer(picture, "picture", "channels");
        if (channels != 1 && channels != 3) {
            throw Answer.malformed("picture.channels", "grading.image.channels", channels);
        }
        long h = Answer.integer(picture, "picture", "height");
        long w = Answer.integer(picture, "picture", "width");
        if (h < 1 || w < 1 || h > 100_000 || w > 100_000) {
            throw Answer.malformed("picture", "grading.image.pictureSize");
        }
        return new ImagePage(request, (int) channels, (int) h, (int) w);
    }

    /** What a task bar adds to the page's request: the picture's size, read from its decoded file. */
    static void describe(ObjectNode answer, DecodedImage image) {
        answer.putObject("picture").put("channels", image.layout().colourChannels()).put("height", image.height())
                .put("width", image.width());
    }

    /** Whether the convolved input is one gray channel: a gray file, or a colour one converted. */
    boolean grayInput() {
        return colourChannels == 1 || request.gray();
    }

    int inputChannels() {
        return grayInput() ? 1 : colourChannels;
    }

    List<ImageExperiment.Filter> filters() {
        return request.filters();
    }

    /** Rows x columns of each output band under this padding (the state's own or another). */
    int[] bandShape(String padding) {
        double[][] k = request.filters().get(0).kernels()[0];
        try {
            ConvGeometry.Plan plan = ConvGeometry.plan(height, width, k.length, k[0].length,
                    ImageExperiment.spec(padding, request.border(), request.stride()));
            return new int[] {plan.outHeight(), plan.outWidth()};
        } catch (ShapeException e) {
            throw new Answer.Malformed(Text.of("grading.image.refused", e.getMessage()));
        }
    }

    int[] bandShape() {
        return bandShape(request.padding());
    }

    /** A kernel that changes the picture: not all zeros and not the identity (a single 1 in the middle). */
    static boolean changesThePicture(double[][] k) {
        boolean zero = true;
        boolean identity = k.length % 2 == 1 && k[0].length % 2 == 1;
        for (int y = 0; y < k.length; y++) {
            for (int x = 0; x < k[y].length; x++) {
                zero &= k[y][x] == 0;
                double want = y == k.length / 2 && x == k[y].length / 2 ? 1 : 0;
                identity &= k[y][x] == want;
            }
        }
        return !zero && !identity;
    }

    static boolean allZero(double[][] k) {
        return Arrays.stream(k).flatMapToDouble(Arrays::stream).allMatch(v -> v == 0);
    }
}

package org.convplay.image.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Grader;
import org.convplay.exercise.Parameters;
import org.convplay.image.KernelPreset;
import org.convplay.image.SampleImage;
import org.convplay.shared.Hashes;
import org.junit.jupiter.api.Test;

/**
 * Practicals on the images page are graded on the page's state (what a saved experiment of the page holds) and the short
 * answers: the right state passes, and each missing item fails exactly its own check, named in both languages.
 */
class PracticalGradingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Locale PT = Locale.forLanguageTag("pt-BR");

    /** The grader's own answer for these parameters, changed by {@code edit}, then graded. */
    private static Grade graded(Grader g, Parameters p, Consumer<ObjectNode> edit) {
        ObjectNode answer = g.solve(p).answer().deepCopy();
        edit.accept(answer);
        return g.grade(p, g.solve(p), answer, 0.05);
    }

    private static List<String> failed(Grade g) {
        return g.checks().stream().filter(c -> !c.correct()).map(c -> c.field()).toList();
    }

    private static ObjectNode request(ObjectNode answer) {
        return (ObjectNode) answer.get("request");
    }

    private static ArrayNode kernels(KernelPreset preset, int channels) {
        ArrayNode ks = JSON.createArrayNode();
        for (int c = 0; c < channels; c++) {
            ks.add(JSON.valueToTree(preset.weights()));
        }
        return ks;
    }

    private static void filters(ObjectNode answer, KernelPreset... presets) {
        ArrayNode fs = request(answer).putArray("filters");
        int channels = request(answer).get("gray").asBoolean() || answer.get("request").get("image").get("fileName").asText().contains("gray") ? 1 : 3;
        for (KernelPreset preset : presets) {
            fs.addObject().put("preset", preset.id()).put("target", -1).set("kernels", kernels(preset, channels));
        }
    }

    private static void useColourSample(ObjectNode answer, boolean gray) {
        request(answer).putObject("image").put("sha256", Hashes.sha256(SampleImage.COLOUR.bytes()))
                .put("fileName", SampleImage.COLOUR.file());
        request(answer).put("gray", gray);
    }

    @Test
    void grayIsRightWithTheGraySampleAFilterThePaddingAndTheBandShape() {
        Grader g = new PracticalGrayGrader();
        Parameters valid = new Parameters(Map.of("padding", "valid"));
        Grade right = graded(g, valid, a -> { });
        assertThat(right.correct()).as(right.feedback(Locale.ENGLISH)).isTrue();
        assertThat(g.solve(valid).answer().get("shape").toString()).isEqualTo("[254,254]");
        assertThat(g.solve(new Parameters(Map.of("padding", "same"))).answer().get("shape").toString()).isEqualTo("[256,256]");
    }

    @Test
    void aColourPictureConvertedToGrayCountsAsGray() {
        Grade converted = graded(new PracticalGrayGrader(), new Parameters(Map.of("padding", "valid")), a -> useColourSample(a, true));
        assertThat(converted.correct()).as(converted.feedback(Locale.ENGLISH)).isTrue();
    }

    @Test
    void grayNamesEachMissingItem() {
        Grader g = new PracticalGrayGrader();
        Parameters p = new Parameters(Map.of("padding", "valid"));
        Grade colour = graded(g, p, a -> {
            useColourSample(a, false);
            filters(a, KernelPreset.SOBEL_X);
        });
        assertThat(failed(colour)).containsExactly("gray");
        assertThat(colour.feedback(Locale.ENGLISH)).contains("has 3 channels").contains("Convert to gray");
        assertThat(colour.feedback(PT)).contains("tem 3 canais");

        Grade identity = graded(g, p, a -> filters(a, KernelPreset.IDENTITY));
        assertThat(failed(identity)).containsExactly("filters");

        Grade same = graded(g, p, a -> request(a).put("padding", "same"));
        // same gives 256 x 256, so the answered 254 x 254 is wrong too
        assertThat(failed(same)).containsExactly("padding", "shape");

        Grade shape = graded(g, p, a -> a.set("shape", JSON.valueToTree(new int[] {256, 256})));
        assertThat(failed(shape)).containsExactly("shape");
        assertThat(shape.feedback(Locale.ENGLISH)).contains("256 x 256 is not the size");
    }

    @Test
    void aStateThePageCouldNotHaveIsNotGradableAndSaysWhy() {
        Grader g = new PracticalGrayGrader();
        Parameters p = new Parameters(Map.of("padding", "valid"));
        Grade noShape = graded(g, p, a -> a.remove("shape"));
        assertThat(noShape.gradable()).isFalse();
        assertThat(noShape.feedback(Locale.ENGLISH)).contains("'shape'").contains("missing");
        Grade badPadding = graded(g, p, a -> request(a).put("padding", "sideways"));
        assertThat(badPadding.gradable()).isFalse();
        assertThat(badPadding.feedback(Locale.ENGLISH)).contains("request.padding");
        Grade unknownPicture = graded(g, p, a -> request(a).with("image").put("sha256", "ab".repeat(32)));
        assertThat(unknownPicture.feedback(Locale.ENGLISH)).contains("'picture'");
    }

    @Test
    void anUploadedPictureIsGradedOnTheSizeTheTaskBarGives() {
        Grader g = new PracticalGrayGrader();
        Parameters p = new Parameters(Map.of("padding", "valid"));
        Grade upload = graded(g, p, a -> {
            request(a).with("image").put("sha256", "ab".repeat(32));
            a.putObject("picture").put("channels", 1).put("height", 40).put("width", 30);
            a.set("shape", JSON.valueToTree(new int[] {38, 28}));
        });
        assertThat(upload.correct()).as(upload.feedback(Locale.ENGLISH)).isTrue();
    }

    @Test
    void rgbNeedsAColourPictureAndAKernelOnEachChannel() {
        Grader g = PracticalRgbGrader.oneBand();
        Parameters p = new Parameters(Map.of("padding", "valid"));
        assertThat(graded(g, p, a -> { }).correct()).isTrue();

        Grade gray = graded(g, p, a -> {
            request(a).put("gray", true);
            filters(a, KernelPreset.SOBEL_X);
        });
        assertThat(failed(gray)).containsExactly("colour", "kernels");

        Grade oneChannel = graded(g, p, a -> {
            ArrayNode ks = (ArrayNode) request(a).get("filters").get(0).get("kernels");
            ks.set(1, JSON.valueToTree(new double[3][3]));
            ks.set(2, JSON.valueToTree(new double[3][3]));
        });
        assertThat(failed(oneChannel)).containsExactly("kernels");
        assertThat(oneChannel.feedback(Locale.ENGLISH)).contains("all three channels");
    }

    @Test
    void severalBandsNeedThatManyDifferentFiltersAndTheBandCount() {
        Grader g = PracticalRgbGrader.severalBands();
        Parameters p = new Parameters(Map.of("f", 3));
        assertThat(graded(g, p, a -> { }).correct()).isTrue();

        Grade two = graded(g, p, a -> {
            filters(a, KernelPreset.SOBEL_X, KernelPreset.SOBEL_Y);
            a.put("bands", 2);
        });
        assertThat(failed(two)).containsExactly("filters");

        Grade equal = graded(g, p, a -> filters(a, KernelPreset.SOBEL_X, KernelPreset.SOBEL_X, KernelPreset.GAUSSIAN));
        assertThat(failed(equal)).containsExactly("different");

        Grade bands = graded(g, p, a -> a.put("bands", 1));
        assertThat(failed(bands)).containsExactly("bands");
    }

    @Test
    void sameNeedsBothPaddingsTriedTheStrideAndTheDifference() {
        Grader g = new PracticalSameGrader();
        Parameters one = new Parameters(Map.of("stride", 1));
        assertThat(graded(g, one, a -> { }).correct()).isTrue();
        assertThat(g.solve(one).answer().get("difference").toString()).isEqualTo("[2,2]");
        // stride 2: same gives 128, valid floor((256 - 3) / 2) + 1 = 127
        assertThat(g.solve(new Parameters(Map.of("stride", 2))).answer().get("difference").toString()).isEqualTo("[1,1]");

        Grade onlySame = graded(g, one, a -> a.putArray("tried").add("same"));
        assertThat(failed(onlySame)).containsExactly("tried");
        assertThat(onlySame.feedback(Locale.ENGLISH)).contains("[same]");

        Grade stride = graded(g, one, a -> request(a).put("stride", 2));
        assertThat(failed(stride)).containsExactly("stride", "difference");

        Grade difference = graded(g, one, a -> a.set("difference", JSON.valueToTree(new int[] {1, 1})));
        assertThat(failed(difference)).containsExactly("difference");
    }
}

package org.convplay.image.grading;

import org.convplay.exercise.grading.Answer;
import org.convplay.exercise.grading.Numbers;

import org.convplay.shared.Hashes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convplay.engine.Border;
import org.convplay.exercise.Check;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Grader;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;
import org.convplay.image.ImageStore;
import org.convplay.image.ImageExperiment;
import org.convplay.image.PixelScale;
import org.convplay.image.SampleImage;

/**
 * A practical done on the images page: the answer is the page's state (what a saved experiment of
 * the page holds, under {@code "request"}) plus the short answers the task asks. There is no single
 * right picture, so the state is checked by what it does, and the short answers against what that
 * state gives. Every check names what is missing in both languages.
 */
abstract class ImagePageGrader implements Grader {

    /** The checks of this exercise; may throw {@link Answer.Malformed} for a missing short answer. */
    abstract List<Check> checks(Parameters p, ImagePage page, JsonNode answer);

    @Override
    public Grade grade(Parameters p, Solution solution, JsonNode answer, double tolerance) {
        try {
            Answer.object(answer, Text.of("grading.image.fields"));
            ImagePage page = ImagePage.read(answer);
            return Grade.of(new ArrayList<>(checks(p, page, answer)));
        } catch (Answer.Malformed e) {
            return Grade.notGradable(e.reason());
        }
    }

    static Check padding(ImagePage page, String wanted) {
        String got = page.request().padding();
        return Check.of("padding", got.equals(wanted), Text.of("grading.image.padding", got), Text.of("grading.image.paddingWrong", got, wanted));
    }

    /** The claimed rows x columns of a band against what the state gives. */
    static Check bandShape(ImagePage page, JsonNode answer) {
        int[] claimed = Answer.shape(answer, "", "shape");
        int[] actual = page.bandShape();
        String c = claimed.length == 2 ? claimed[0] + " x " + claimed[1] : Arrays.toString(claimed);
        return Check.of("shape", Arrays.equals(claimed, actual),
                Text.of("grading.image.shape", c), Text.of("grading.image.shapeWrong", c));
    }

    /** An answer made from a bundled sample, for the worked solutions and the tests. */
    static ObjectNode sampleState(SampleImage sample, boolean gray, String padding, int stride, List<ImageExperiment.Filter> filters) {
        ImageExperiment r = new ImageExperiment(Hashes.sha256(sample.bytes()), sample.file(), PixelScale.UNIT, gray, padding,
                Border.ZERO, stride, filters);
        ObjectNode answer = Numbers.object();
        answer.set("request", r.toJson());
        return answer;
    }

    /** One filter with the same kernel on each of {@code channels} channels. */
    static ImageExperiment.Filter filter(org.convplay.image.KernelPreset preset, int channels) {
        double[][][] k = new double[channels][][];
        for (int c = 0; c < channels; c++) {
            k[c] = preset.weights();
        }
        return new ImageExperiment.Filter(preset, -1, k);
    }

    static String padding(Parameters p) {
        return p.string("padding");
    }
}

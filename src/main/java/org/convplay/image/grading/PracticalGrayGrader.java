package org.convplay.image.grading;

import org.convplay.exercise.grading.Answer;
import org.convplay.exercise.grading.Numbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.convplay.exercise.Check;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;
import org.convplay.image.KernelPreset;
import org.convplay.image.SampleImage;

/** Practical 2 on the images page: a gray picture (or "convert to gray"), a filter that does something, and its output shape. */
final class PracticalGrayGrader extends ImagePageGrader {

    @Override
    public String name() {
        return "practical-gray";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("padding");
    }

    @Override
    List<Check> checks(Parameters p, ImagePage page, JsonNode answer) {
        boolean filter = page.filters().stream().anyMatch(f -> ImagePage.changesThePicture(f.kernels()[0]));
        return List.of(
                Check.of("gray", page.grayInput(), Text.of("grading.gray.gray"), Text.of("grading.gray.grayWrong", page.inputChannels())),
                Check.of("filters", filter, Text.of("grading.image.filter"), Text.of("grading.image.filterWrong")),
                padding(page, padding(p)),
                bandShape(page, answer));
    }

    @Override
    public Solution solve(Parameters p) {
        String padding = padding(p);
        ObjectNode answer = sampleState(SampleImage.GRAY, false, padding, 1, List.of(filter(KernelPreset.SOBEL_X, 1)));
        int[] shape = ImagePage.read(answer).bandShape();
        answer.set("shape", Numbers.ints(shape));
        return new Solution(answer, List.of(Text.of("grading.gray.solution.pick"), Text.of("grading.gray.solution.shape", padding,
                shape[0], shape[1], Text.of(padding.equals("valid") ? "grading.gray.solution.valid" : "grading.gray.solution.same"))));
    }
}

package org.convplay.image.grading;

import org.convplay.exercise.grading.Answer;
import org.convplay.exercise.grading.Numbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.convplay.exercise.Check;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;
import org.convplay.image.KernelPreset;
import org.convplay.image.SampleImage;

/**
 * Practical 1 on the images page: the same picture and filter under {@code valid} and under
 * {@code same}, and by how many rows and columns the outputs differ. {@code "tried"} lists the
 * paddings the page computed during the task (the task bar keeps it); the state's own counts too.
 */
final class PracticalSameGrader extends ImagePageGrader {

    @Override
    public String name() {
        return "practical-same";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("stride");
    }

    @Override
    List<Check> checks(Parameters p, ImagePage page, JsonNode answer) {
        Set<String> tried = new TreeSet<>();
        tried.add(page.request().padding());
        JsonNode list = answer.path("tried");
        if (list.isArray()) {
            list.forEach(t -> tried.add(t.asText()));
        }
        int stride = p.integer("stride");
        int[] claimed = Answer.shape(answer, "", "difference");
        int[] same = page.bandShape("same");
        int[] valid = page.bandShape("valid");
        int[] difference = {same[0] - valid[0], same[1] - valid[1]};
        String c = claimed.length == 2 ? claimed[0] + " x " + claimed[1] : Arrays.toString(claimed);
        return List.of(
                Check.of("tried", tried.containsAll(List.of("same", "valid")), Text.of("grading.same.tried"),
                        Text.of("grading.same.triedWrong", tried.toString())),
                Check.of("stride", page.request().stride() == stride, Text.of("grading.image.stride", stride),
                        Text.of("grading.image.strideWrong", page.request().stride(), stride)),
                Check.of("difference", Arrays.equals(claimed, difference), Text.of("grading.same.difference", c),
                        Text.of("grading.same.differenceWrong", c)));
    }

    @Override
    public Solution solve(Parameters p) {
        int stride = p.integer("stride");
        ObjectNode answer = sampleState(SampleImage.GRAY, false, "same", stride, List.of(filter(KernelPreset.SOBEL_X, 1)));
        ImagePage page = ImagePage.read(answer);
        int[] same = page.bandShape("same");
        int[] valid = page.bandShape("valid");
        answer.putArray("tried").add("valid").add("same");
        answer.set("difference", Numbers.ints(same[0] - valid[0], same[1] - valid[1]));
        return new Solution(answer, List.of(Text.of("grading.same.solution.sizes", stride, valid[0], valid[1], same[0], same[1]),
                Text.of("grading.same.solution.why", same[0] - valid[0], same[1] - valid[1])));
    }
}

package org.convplay.image.grading;

import org.convplay.exercise.grading.Answer;
import org.convplay.exercise.grading.Numbers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.convplay.exercise.Check;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;
import org.convplay.image.ImageExperiment;
import org.convplay.image.KernelPreset;
import org.convplay.image.SampleImage;

/**
 * Practicals 3 and 4 on the images page. One band: a colour picture and a filter with a kernel for
 * each of its three channels. Several bands: {@code f} different filters, so {@code f} output bands.
 */
final class PracticalRgbGrader extends ImagePageGrader {

    private final boolean several;

    private PracticalRgbGrader(boolean several) {
        this.several = several;
    }

    public static PracticalRgbGrader oneBand() {
        return new PracticalRgbGrader(false);
    }

    public static PracticalRgbGrader severalBands() {
        return new PracticalRgbGrader(true);
    }

    @Override
    public String name() {
        return several ? "practical-filters" : "practical-rgb";
    }

    @Override
    public Set<String> requiredParameters() {
        return several ? Set.of("f") : Set.of("padding");
    }

    @Override
    List<Check> checks(Parameters p, ImagePage page, JsonNode answer) {
        return several ? severalChecks(p, page, answer) : oneBandChecks(p, page, answer);
    }

    private List<Check> oneBandChecks(Parameters p, ImagePage page, JsonNode answer) {
        boolean colour = page.inputChannels() == 3;
        boolean perChannel = page.filters().stream()
                .anyMatch(f -> f.kernels().length == 3 && Arrays.stream(f.kernels()).noneMatch(ImagePage::allZero));
        return List.of(
                Check.of("colour", colour, Text.of("grading.rgb.colour"), Text.of("grading.rgb.colourWrong", page.inputChannels())),
                Check.of("kernels", colour && perChannel, Text.of("grading.rgb.kernels"), Text.of("grading.rgb.kernelsWrong")),
                padding(page, padding(p)),
                bandShape(page, answer));
    }

    private List<Check> severalChecks(Parameters p, ImagePage page, JsonNode answer) {
        int f = p.integer("f");
        int n = page.filters().size();
        long bands = Answer.integer(answer, "", "bands");
        return List.of(
                Check.of("filters", n == f, Text.of("grading.rgb.filters", n), Text.of("grading.rgb.filtersWrong", n, f)),
                Check.of("different", n > 1 && filtersDiffer(page.filters()), Text.of("grading.rgb.different"),
                        Text.of("grading.rgb.differentWrong")),
                Check.of("bands", bands == n, Text.of("grading.rgb.bands", bands), Text.of("grading.rgb.bandsWrong", bands)),
                bandShape(page, answer));
    }

    /** Whether every filter differs from every other (by its weights). */
    private static boolean filtersDiffer(List<ImageExperiment.Filter> filters) {
        for (int i = 0; i < filters.size(); i++) {
            for (int j = i + 1; j < filters.size(); j++) {
                if (Arrays.deepEquals(filters.get(i).kernels(), filters.get(j).kernels())) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public Solution solve(Parameters p) {
        if (several) {
            int f = p.integer("f");
            List<KernelPreset> presets = List.of(KernelPreset.SOBEL_X, KernelPreset.SOBEL_Y, KernelPreset.GAUSSIAN, KernelPreset.LAPLACIAN);
            if (f < 2 || f > presets.size()) {
                throw new IllegalArgumentException("several bands need 2 to " + presets.size() + " filters, got " + f);
            }
            List<ImageExperiment.Filter> filters = new ArrayList<>();
            for (int i = 0; i < f; i++) {
                filters.add(filter(presets.get(i), 3));
            }
            ObjectNode answer = sampleState(SampleImage.COLOUR, false, "same", 1, filters);
            int[] shape = ImagePage.read(answer).bandShape();
            answer.put("bands", f);
            answer.set("shape", Numbers.ints(shape));
            return new Solution(answer, List.of(Text.of("grading.rgb.solution.bands", f),
                    Text.of("grading.rgb.solution.bandShape", shape[0], shape[1])));
        }
        String padding = padding(p);
        ObjectNode answer = sampleState(SampleImage.COLOUR, false, padding, 1, List.of(filter(KernelPreset.SOBEL_X, 3)));
        int[] shape = ImagePage.read(answer).bandShape();
        answer.set("shape", Numbers.ints(shape));
        return new Solution(answer, List.of(Text.of("grading.rgb.solution.channels"),
                Text.of("grading.rgb.solution.shape", padding, shape[0], shape[1])));
    }
}

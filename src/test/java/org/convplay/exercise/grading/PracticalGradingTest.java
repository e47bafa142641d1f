package org.convplay.exercise.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Grader;
import org.convplay.exercise.Parameters;
import org.junit.jupiter.api.Test;

/** Practical answers are checked by structure: what the experiment did and whether the claimed shape follows from it. */
class PracticalGradingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Grade grade(Grader g, Parameters p, String answer) throws Exception {
        return g.grade(p, g.solve(p), JSON.readTree(answer), 0.01);
    }

    private static String fields(Grade g) {
        return g.checks().stream().filter(c -> !c.correct()).map(c -> c.field()).toList().toString();
    }

    @Test
    void sameNeedsSamePaddingAndTheInputsSize() throws Exception {
        Grader g = new PracticalSameGrader();
        Parameters p = new Parameters(Map.of("h", 3, "w", 4, "k", 3));
        String input = "[[1,2,3,4],[5,6,7,8],[9,10,11,12]]";
        Grade right = grade(g, p, "{\"request\": {\"input\": " + input + ", \"kernel\": [[0,1,0],[1,1,1],[0,1,0]], \"padding\": \"same\"}, \"shape\": [3, 4]}");
        assertThat(right.correct()).as(right.feedback(Locale.ENGLISH)).isTrue();

        Grade valid = grade(g, p, "{\"request\": {\"input\": " + input + ", \"kernel\": [[0,1,0],[1,1,1],[0,1,0]], \"padding\": \"valid\"}, \"shape\": [1, 2]}");
        assertThat(valid.correct()).isFalse();
        assertThat(fields(valid)).contains("request.padding").doesNotContain("shape");

        Grade wrongClaim = grade(g, p, "{\"request\": {\"input\": " + input + ", \"kernel\": [[0,1,0],[1,1,1],[0,1,0]], \"padding\": \"same\"}, \"shape\": [1, 2]}");
        assertThat(fields(wrongClaim)).isEqualTo("[shape]");
    }

    @Test
    void aRaggedOrMissingRequestIsNotGradable() throws Exception {
        Grader g = new PracticalSameGrader();
        Parameters p = new Parameters(Map.of("h", 3, "w", 4, "k", 3));
        Grade ragged = grade(g, p, "{\"request\": {\"input\": [[1,2],[3]], \"kernel\": [[1]]}, \"shape\": [2, 2]}");
        assertThat(ragged.gradable()).isFalse();
        assertThat(ragged.feedback(Locale.ENGLISH)).contains("request.input").contains("rectangular");
        Grade noShape = grade(g, p, "{\"request\": {\"input\": [[1,2],[3,4]], \"kernel\": [[1]]}}");
        assertThat(noShape.gradable()).isFalse();
        assertThat(noShape.feedback(Locale.ENGLISH)).contains("'shape'");
        assertThat(grade(g, p, "{\"request\": {\"input\": [[1]], \"kernel\": [[1]], \"padding\": \"sideways\"}, \"shape\": [1,1]}").gradable()).isFalse();
    }

    @Test
    void rgbNeedsAKernelWithThreeInputChannels() throws Exception {
        Grader g = PracticalRgbGrader.oneBand();
        Parameters p = new Parameters(Map.of("h", 2, "w", 2, "k", 1));
        String input = "[[[1,2],[3,4]],[[5,6],[7,8]],[[9,1],[2,3]]]";
        Grade right = grade(g, p, "{\"request\": {\"input\": " + input + ", \"kernel\": [[[[1]],[[2]],[[3]]]]}, \"shape\": [1, 2, 2]}");
        assertThat(right.correct()).as(right.feedback(Locale.ENGLISH)).isTrue();
        // a 2-D kernel on a 3-channel input: the playground refuses it, and the kernel check says why
        Grade flat = grade(g, p, "{\"request\": {\"input\": " + input + ", \"kernel\": [[1]]}, \"shape\": [1, 2, 2]}");
        assertThat(flat.correct()).isFalse();
        assertThat(fields(flat)).contains("request.kernel").contains("request");
    }

    @Test
    void severalBandsNeedThatManyDifferentFilters() throws Exception {
        Grader g = PracticalRgbGrader.severalBands();
        Parameters p = new Parameters(Map.of("h", 2, "w", 2, "k", 1, "f", 2));
        String input = "[[[1,2],[3,4]],[[5,6],[7,8]],[[9,1],[2,3]]]";
        assertThat(grade(g, p, "{\"request\": {\"input\": " + input + ", \"kernel\": [[[[1]],[[2]],[[3]]], [[[0]],[[1]],[[0]]]]}, \"shape\": [2, 2, 2]}").correct()).isTrue();
        Grade same = grade(g, p, "{\"request\": {\"input\": " + input + ", \"kernel\": [[[[1]],[[2]],[[3]]], [[[1]],[[2]],[[3]]]]}, \"shape\": [2, 2, 2]}");
        assertThat(same.correct()).isFalse();
        assertThat(same.feedback(Locale.ENGLISH)).contains("all filters are equal");
        Grade one = grade(g, p, "{\"request\": {\"input\": " + input + ", \"kernel\": [[[[1]],[[2]],[[3]]]]}, \"shape\": [1, 2, 2]}");
        assertThat(one.correct()).isFalse();
    }

    @Test
    void grayNeedsOneChannelAndARealImage() throws Exception {
        Grader g = new PracticalGrayGrader();
        Parameters p = new Parameters(Map.of("h", 3, "w", 3, "k", 2));
        assertThat(grade(g, p, "{\"request\": {\"input\": [[0,9,9],[0,9,9],[0,9,9]], \"kernel\": [[1,-1],[1,-1]]}, \"shape\": [2, 2]}").correct()).isTrue();
        Grade flat = grade(g, p, "{\"request\": {\"input\": [[5,5,5],[5,5,5],[5,5,5]], \"kernel\": [[1,-1],[1,-1]]}, \"shape\": [2, 2]}");
        assertThat(flat.feedback(Locale.ENGLISH)).contains("same value");
        assertThat(flat.correct()).isFalse();
    }

    @Test
    void timingNeedsAnOpenCvRowAndTheRightFastest() throws Exception {
        Grader g = new PracticalTimingGrader();
        Parameters p = new Parameters(Map.of("size", 256, "k", 5));
        String rows = "[{\"backend\": \"reference\", \"medianMillis\": 30.5, \"maxAbsError\": 0}, {\"backend\": \"opencv-filter2d\", \"medianMillis\": 1.2, \"maxAbsError\": 0.00001}]";
        String request = "{\"size\": 256, \"kernel\": 5, \"channels\": 1, \"filters\": 1, \"repeats\": 5}";
        assertThat(grade(g, p, "{\"request\": " + request + ", \"results\": " + rows + ", \"fastest\": \"opencv-filter2d\"}").correct()).isTrue();
        Grade slow = grade(g, p, "{\"request\": " + request + ", \"results\": " + rows + ", \"fastest\": \"reference\"}");
        assertThat(fields(slow)).isEqualTo("[fastest]");
        Grade noOpenCv = grade(g, p, "{\"request\": " + request + ", \"results\": [{\"backend\": \"reference\", \"medianMillis\": 3}, {\"backend\": \"tiled\", \"medianMillis\": 1}], \"fastest\": \"tiled\"}");
        assertThat(fields(noOpenCv)).isEqualTo("[results]");
        Grade noResults = grade(g, p, "{\"request\": " + request + ", \"results\": [], \"fastest\": \"x\"}");
        assertThat(noResults.gradable()).isFalse();
    }
}

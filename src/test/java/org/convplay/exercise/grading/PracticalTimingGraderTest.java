package org.convplay.exercise.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Grader;
import org.convplay.exercise.Parameters;
import org.junit.jupiter.api.Test;

/** The timing practical is graded on the benchmark run the student saved and the ratio they read from it. */
class PracticalTimingGraderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> failed(Grade g) {
        return g.checks().stream().filter(c -> !c.correct()).map(c -> c.field()).toList();
    }

    @Test
    void timingNeedsOpenCvAndCpuInTheRunAndTheirRatio() throws Exception {
        Grader g = new PracticalTimingGrader();
        Parameters p = new Parameters(Map.of("size", 256, "k", 5));
        String request = "{\"size\": 256, \"kernel\": 5, \"channels\": 1, \"filters\": 1, \"repeats\": 5}";
        String rows = "[{\"backend\": \"reference\", \"medianMillis\": 30.5, \"maxAbsError\": 0},"
                + " {\"backend\": \"cpu\", \"medianMillis\": 2.4, \"maxAbsError\": 0.00001},"
                + " {\"backend\": \"opencv\", \"medianMillis\": 1.2, \"maxAbsError\": 0.00001}]";
        JsonNode right = JSON.readTree("{\"request\": " + request + ", \"results\": " + rows + ", \"ratio\": 2.02}");
        assertThat(g.grade(p, g.solve(p), right, 0.05).correct()).isTrue();

        JsonNode wrongRatio = JSON.readTree("{\"request\": " + request + ", \"results\": " + rows + ", \"ratio\": 0.5}");
        Grade ratio = g.grade(p, g.solve(p), wrongRatio, 0.05);
        assertThat(failed(ratio)).containsExactly("ratio");
        assertThat(ratio.feedback(Locale.ENGLISH)).contains("(2.00)");

        JsonNode noOpenCv = JSON.readTree("{\"request\": " + request + ", \"results\": [{\"backend\": \"reference\", \"medianMillis\": 3},"
                + " {\"backend\": \"cpu\", \"medianMillis\": 1}], \"ratio\": 3}");
        assertThat(failed(g.grade(p, g.solve(p), noOpenCv, 0.05))).containsExactly("engines", "ratio");

        JsonNode otherSize = JSON.readTree("{\"request\": {\"size\": 512, \"kernel\": 5}, \"results\": " + rows + ", \"ratio\": 2}");
        assertThat(failed(g.grade(p, g.solve(p), otherSize, 0.05))).containsExactly("size");

        JsonNode noResults = JSON.readTree("{\"request\": " + request + ", \"results\": [], \"ratio\": 1}");
        assertThat(g.grade(p, g.solve(p), noResults, 0.05).gradable()).isFalse();
    }
}

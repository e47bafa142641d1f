package org.convplay.exercise.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.junit.jupiter.api.Test;

/** The notebook's theory question, graded against docs/conventions.md's corrected numbers. */
class DenseVsConvGradingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DenseVsConvGrader grader = new DenseVsConvGrader();
    private final Parameters notebook = new Parameters(Map.of("n", 100, "k", 3));
    private final Solution solution = grader.solve(notebook);

    private Grade grade(String answer) throws Exception {
        return grader.grade(notebook, solution, JSON.readTree(answer), 0.01);
    }

    private static String answer(String output, long dense, long conv, double reduction) {
        return "{\"output\": " + output + ", \"denseParameters\": " + dense + ", \"convParameters\": " + conv
                + ", \"reduction\": " + reduction + "}";
    }

    @Test
    void theSolutionIsTheCorrectedNotebookAnswer() {
        // 100 - 3 + 1 = 98; 10,000 * 9,604 + 9,604; 3*3 + 1 (docs/conventions.md, "The notebook's cases", 4).
        assertThat(solution.answer().get("output").toString()).isEqualTo("[98,98]");
        assertThat(solution.answer().get("denseParameters").asLong()).isEqualTo(10_000L * 9_604 + 9_604);
        assertThat(solution.answer().get("convParameters").asLong()).isEqualTo(10);
        assertThat(solution.answer().get("reduction").asDouble()).isEqualTo(9_604_960.4, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(solution.steps().get(0).en()).contains("100 - 3 + 1 = 98");
    }

    @Test
    void theRightAnswerIsCorrect() throws Exception {
        Grade g = grade(answer("[98, 98]", 96_049_604, 10, 9_604_960));
        assertThat(g.correct()).isTrue();
        assertThat(g.score()).isEqualTo(1.0);
    }

    @Test
    void theReductionIsAcceptedJustInsideOnePercentAndRefusedJustOutside() throws Exception {
        double exact = 96_049_604 / 10.0;
        assertThat(grade(answer("[98, 98]", 96_049_604, 10, exact * 1.0099)).correct()).isTrue();
        assertThat(grade(answer("[98, 98]", 96_049_604, 10, exact * 0.9901)).correct()).isTrue();
        Grade over = grade(answer("[98, 98]", 96_049_604, 10, exact * 1.0101));
        assertThat(over.correct()).isFalse();
        assertThat(over.checks()).filteredOn(c -> !c.correct()).extracting(c -> c.field()).containsExactly("reduction");
        assertThat(grade(answer("[98, 98]", 96_049_604, 10, exact * 0.9899)).correct()).isFalse();
    }

    @Test
    void countsAndShapesAreExact() throws Exception {
        assertThat(grade(answer("[98, 98]", 96_049_605, 10, 9_604_960)).correct()).isFalse();
        assertThat(grade(answer("[98, 98]", 96_049_604, 9, 9_604_960)).correct()).isFalse();
        assertThat(grade(answer("[98, 97]", 96_049_604, 10, 9_604_960)).correct()).isFalse();
        assertThat(grade(answer("[98, 98, 1]", 96_049_604, 10, 9_604_960)).correct()).isFalse();
    }

    @Test
    void theNotebooksNinetyNineIsRefusedWithAnExplanationAndPartialCredit() throws Exception {
        Grade g = grade(answer("[99, 99]", 96_049_604, 10, 9_604_960));
        assertThat(g.correct()).isFalse();
        assertThat(g.score()).isEqualTo(0.75);
        String feedback = g.feedback(Locale.ENGLISH);
        assertThat(feedback).contains("output: [99,99] is not right").contains("notebook").contains("denseParameters: 96049604 is right");
        assertThat(g.feedback(Locale.forLanguageTag("pt-BR"))).contains("notebook original");
    }

    @Test
    void wrongFieldsDoNotGiveTheRightValueAway() throws Exception {
        Grade g = grade(answer("[98, 98]", 1, 10, 9_604_960));
        assertThat(g.feedback(Locale.ENGLISH)).doesNotContain("96049604").doesNotContain("96,049,604");
    }

    @Test
    void aMalformedAnswerIsNotGradableAndSaysWhy() throws Exception {
        Grade missing = grade("{\"output\": [98, 98], \"convParameters\": 10, \"reduction\": 1}");
        assertThat(missing.gradable()).isFalse();
        assertThat(missing.correct()).isFalse();
        assertThat(missing.feedback(Locale.ENGLISH)).contains("'denseParameters'").contains("missing");

        Grade wrongType = grade("{\"output\": \"98x98\", \"denseParameters\": 1, \"convParameters\": 10, \"reduction\": 1}");
        assertThat(wrongType.gradable()).isFalse();
        assertThat(wrongType.feedback(Locale.ENGLISH)).contains("'output'").contains("list of whole numbers");

        Grade text = grade("{\"output\": [98, 98], \"denseParameters\": \"96049604\", \"convParameters\": 10, \"reduction\": 1}");
        assertThat(text.gradable()).isFalse();
        assertThat(text.feedback(Locale.ENGLISH)).contains("'denseParameters'").contains("whole number");

        Grade fraction = grade("{\"output\": [98, 98], \"denseParameters\": 1.5, \"convParameters\": 10, \"reduction\": 1}");
        assertThat(fraction.gradable()).isFalse();

        JsonNode notAnObject = JSON.readTree("[98, 98]");
        assertThat(grader.grade(notebook, solution, notAnObject, 0.01).gradable()).isFalse();
        assertThat(grader.grade(notebook, solution, null, 0.01).gradable()).isFalse();
    }

    @Test
    void otherSizesAreComputedNotLookedUp() {
        Solution s = grader.solve(new Parameters(Map.of("n", 28, "k", 5)));
        // 28 - 5 + 1 = 24; dense 784 * 576 + 576; conv 25 + 1
        assertThat(s.answer().get("output").toString()).isEqualTo("[24,24]");
        assertThat(s.answer().get("denseParameters").asLong()).isEqualTo(784L * 576 + 576);
        assertThat(s.answer().get("convParameters").asLong()).isEqualTo(26);
    }
}

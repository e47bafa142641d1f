package org.convplay.exercise.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import org.convplay.classroom.KaribuSpringTest;
import org.junit.jupiter.api.Test;

/** Anonymous practice: the notebook's variant, feedback, and the worked solution after a gradable answer. */
class ExercisePracticeViewTest extends KaribuSpringTest {

    private ExercisePracticeView open(String location) {
        UI.getCurrent().navigate(location);
        return (ExercisePracticeView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    private static void answer(ExercisePracticeView view, String json) {
        view.answer.setValue(json);
        view.check.click();
    }

    @Test
    void theNotebookVariantIsGradedAndExplained() {
        openAs(null);
        ExercisePracticeView view = open("exercises/dense-vs-conv");
        assertThat(view.parameters.getText()).contains("n = 100").contains("k = 3");
        assertThat(view.solution.isVisible()).as("no solution before an answer").isFalse();

        answer(view, "{\"output\": [99, 99], \"denseParameters\": 96049604, \"convParameters\": 10, \"reduction\": 9604960}");
        assertThat(view.feedback.getText()).contains("Not quite").contains("[99,99] is not right");
        assertThat(view.solution.isVisible()).isTrue();
        assertThat(view.notes.getText()).contains("98x98");

        answer(view, "{\"output\": [98, 98]}");
        assertThat(view.feedback.getText()).contains("Not gradable").contains("denseParameters");
        assertThat(view.solution.isVisible()).isFalse();

        answer(view, "not json");
        assertThat(view.feedback.getText()).contains("not valid JSON");

        answer(view, "{\"output\": [98, 98], \"denseParameters\": 96049604, \"convParameters\": 10, \"reduction\": 9604960.4}");
        assertThat(view.feedback.getText()).startsWith("Correct");
    }

    @Test
    void aSeedInTheAddressGivesThatVariant() {
        openAs(null);
        UI.getCurrent().navigate("exercises/output-size-stride", com.vaadin.flow.router.QueryParameters.of("seed", "5"));
        ExercisePracticeView view = (ExercisePracticeView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        assertThat(view.seedLabel.getText()).contains("5");
        assertThat(view.prompt.getText()).doesNotContain("{");
    }
}

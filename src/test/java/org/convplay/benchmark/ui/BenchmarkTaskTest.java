package org.convplay.benchmark.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.github.mvysny.kaributesting.v10.GridKt;
import java.util.List;
import java.util.Locale;
import org.convplay.account.AccountRef;
import org.convplay.classroom.ClassroomFixture;
import org.convplay.classroom.KaribuSpringTest;
import org.convplay.classroom.TestUsers;
import org.convplay.classroom.service.GradeService;
import org.convplay.classroom.service.Views;
import org.convplay.experiment.ExperimentService;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The timing practical on the benchmark page: graded on the page's last run and the ratio typed in the task bar. */
class BenchmarkTaskTest extends KaribuSpringTest {

    private static void check(String ratio) {
        _get(TextField.class, s -> s.withId("part-ratio")).setValue(ratio);
        _get(Button.class, s -> s.withId("task-check")).click();
    }

    private static String item(String check) {
        return _get(ListItem.class, s -> s.withId("task-item-" + check)).getText();
    }

    @Test
    void theRatioIsCheckedAgainstTheRunThePageShowed() {
        openAs(null);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("benchmark", QueryParameters.fromString("task=practical-timing&seed=0"));
        BenchmarkView view = (BenchmarkView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);

        check("2");
        assertThat(_get(Pre.class, s -> s.withId("task-feedback")).getText()).as("nothing run yet").contains("results");

        view.show(new BenchmarkRunner.Report(new BenchmarkRunner.Request(512, 3, 1, 1, 5),
                List.of(new BenchmarkRunner.Row("cpu", 2.0, 1.0, 1e-6, 5, ""), new BenchmarkRunner.Row("opencv", 1.0, 2.0, 1e-6, 5, "")),
                new BenchmarkRunner.Machine(2, "cpu", "jvm", "os", 512, List.of())));
        check("2");
        assertThat(_get(Span.class, s -> s.withId("task-result")).getText()).isEqualTo("Correct.");
        check("0.5");
        assertThat(item("ratio")).startsWith("✘").contains("(2.00)");
        assertThat(item("engines")).startsWith("✔");
    }

    @Autowired
    GradeService grades;
    @Autowired
    ExperimentService experiments;

    @Test
    void aSubmittedRunIsSavedAsAnExperimentThatShowsTheRowsTheStudentSaw() {
        ClassroomFixture room = ClassroomFixture.in(context).teacher("timing-teacher").students("timing-student")
                .className("Desempenho").assignment("Tempo", "practical-timing").build();
        AccountRef teacher = room.teacher();
        AccountRef student = room.student();
        Views.AssignmentSummary a = room.assignment();

        openAs(student);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("benchmark", QueryParameters.fromString("task=practical-timing&assignment=" + a.id()));
        BenchmarkView view = (BenchmarkView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        view.show(new BenchmarkRunner.Report(new BenchmarkRunner.Request(512, 3, 1, 1, 5),
                List.of(new BenchmarkRunner.Row("cpu", 3.0, 1.0, 1e-6, 5, ""), new BenchmarkRunner.Row("opencv", 1.5, 2.0, 1e-6, 5, "")),
                new BenchmarkRunner.Machine(2, "Test CPU", "jvm", "os", 512, List.of("opencv 4.9 found"))));
        check("2");
        assertThat(_get(Span.class, s -> s.withId("task-result")).getText()).isEqualTo("Submitted; attempts left: 2.");

        TestUsers.actAs(teacher);
        String experimentId = grades.forAssignment(a.id()).rows().get(0).exercises().get(0).experimentId();
        assertThat(experimentId).as("the submission links to its run").isNotNull();
        var saved = experiments.get(experimentId);
        assertThat(saved.getKind()).isEqualTo("benchmark");
        var request = experiments.body(saved).get("request");
        assertThat(request.get("size").asInt()).isEqualTo(512);
        assertThat(request.get("results").get(1).get("backend").asText()).isEqualTo("opencv");
        assertThat(request.get("results").get(1).get("medianMillis").asDouble()).isEqualTo(1.5);
        assertThat(request.get("machine").get("notes").get(0).asText()).isEqualTo("opencv 4.9 found");

        openAs(teacher);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("e/" + experimentId);
        BenchmarkView shown = _get(BenchmarkView.class);
        assertThat(shown.size.getValue()).isEqualTo(512);
        assertThat(shown.repeats.getValue()).isEqualTo(5);
        assertThat(GridKt._size(shown.table)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(shown.table, 1)).startsWith("opencv", "1.500", "2.00");
        assertThat(shown.machine.getText()).contains("Test CPU").contains("opencv 4.9 found");
        assertThat(shown.status.getText()).startsWith("Saved run");
        assertThat(shown.run.isEnabled()).as("run again").isTrue();
        assertThat(shown.taskBar).isNull();
    }
}

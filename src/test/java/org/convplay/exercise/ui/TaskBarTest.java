package org.convplay.exercise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import org.convplay.account.AccountRef;
import org.convplay.account.Role;
import org.convplay.classroom.ClassroomFixture;
import org.convplay.classroom.KaribuSpringTest;
import org.convplay.classroom.TestUsers;
import org.convplay.classroom.domain.SolutionPolicy;
import org.convplay.classroom.service.AssignmentService;
import org.convplay.classroom.service.GradeService;
import org.convplay.classroom.service.Views;
import org.convplay.exercise.service.ExerciseService;
import org.convplay.experiment.ExperimentService;
import org.convplay.ui.ById;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A practical done on the images page through its task bar: in practice (Check) and in a class (Submit). */
class TaskBarTest extends KaribuSpringTest {

    @Autowired
    AssignmentService assignments;
    @Autowired
    GradeService grades;
    @Autowired
    ExerciseService exercises;
    @Autowired
    ExperimentService experiments;
    @Autowired
    org.convplay.image.ImageStore images;

    private static void open(String location) {
        String[] parts = location.split("\\?", 2);
        UI.getCurrent().navigate(parts[0], com.vaadin.flow.router.QueryParameters.fromString(parts.length > 1 ? parts[1] : ""));
    }

    private static String item(String check) {
        return _get(ListItem.class, s -> s.withId("task-item-" + check)).getText();
    }

    private static void answerShape(String text) {
        _get(TextField.class, s -> s.withId("part-shape")).setValue(text);
        _get(Button.class, s -> s.withId("task-check")).click();
    }

    @SuppressWarnings("unchecked")
    private static void padding(String value) {
        ((Select<String>) _get(Select.class, s -> s.withId("padding"))).setValue(value);
    }

    private static void gray() {
        _get(Checkbox.class, s -> s.withId("gray")).setValue(true);
    }

    private static String result() {
        return _get(Span.class, s -> s.withId("task-result")).getText();
    }

    @Test
    void withoutATaskTheImagesPageHasNoTaskBar() {
        openAs(null);
        open("images");
        assertThat(current().getChildren().filter(c -> c instanceof TaskBar).findFirst().orElseThrow().isVisible()).isFalse();
    }

    @Test
    void practiceChecksThePagesStateAndMarksTheChecklist() {
        openAs(null);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        open("images?task=practical-gray&seed=0");
        TaskBar bar = _get(TaskBar.class, s -> s.withId("task-bar"));
        assertThat(bar.isVisible()).isTrue();
        assertThat(bar.title.getText()).isEqualTo("Task: Practical: convolve a gray image");
        assertThat(bar.prompt.getText()).contains("valid");
        assertThat(item("gray")).startsWith("☐ The picture is gray");
        assertThat(_get(Button.class, s -> s.withId("task-check")).getText()).isEqualTo("Check");

        // the page as it opens: the colour sample with same padding; 256 x 256 is right for same
        answerShape("256 x 256");
        assertThat(result()).isEqualTo("Not quite:");
        assertThat(item("gray")).startsWith("✘").contains("has 3 channels");
        assertThat(item("filters")).startsWith("✔");
        assertThat(item("padding")).startsWith("✘").contains("set it to valid");
        assertThat(item("shape")).startsWith("✔");

        gray();
        padding("valid");
        answerShape("254 x 254");
        assertThat(result()).isEqualTo("Correct.");
        assertThat(bar.checklist.getChildren().map(c -> ((ListItem) c).getText())).allMatch(t -> t.startsWith("✔"));
    }

    @Test
    void aShortAnswerThatIsNotANumberIsRefusedAtItsField() {
        openAs(null);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        open("images?task=practical-gray&seed=0");
        answerShape("two hundred");
        TextField shape = _get(TextField.class, s -> s.withId("part-shape"));
        assertThat(shape.isInvalid()).isTrue();
        assertThat(shape.getErrorMessage()).contains("Write 2 whole numbers separated by x");
        assertThat(result()).contains("cannot be read");
        assertThat(item("gray")).startsWith("☐");
    }

    @Test
    void aTaskOfAnotherPageIsNamedNotOpened() {
        openAs(null);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        open("images?task=practical-timing");
        TaskBar bar = _get(TaskBar.class, s -> s.withId("task-bar"));
        assertThat(bar.title.getText()).contains("practical-timing").contains("not done on this page");
        assertThat(bar.check.isEnabled()).isFalse();
    }

    @Test
    void theExercisePageOfAPracticalOpensItsPageInsteadOfAskingForJson() {
        openAs(null);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        open("exercises/practical-gray?seed=3");
        ExercisePracticeView view = (ExercisePracticeView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        assertThat(ById.shown(view, "open-task")).isTrue();
        assertThat(ById.get(view, Anchor.class, "open-task").getHref()).isEqualTo("images?task=practical-gray&seed=3");
        assertThat(ById.get(view, Anchor.class, "open-task").getText()).isEqualTo("Open in the images page");
        assertThat(ById.shown(view, "answer")).as("no JSON box").isFalse();
        assertThat(ById.shown(view, "check")).isFalse();
    }

    @Test
    void inAClassTheStudentSubmitsThePageAndTheTeacherGetsItsExperiment() {
        ClassroomFixture room = ClassroomFixture.in(context).className("Visão computacional")
                .assignment("Prática", "practical-gray").build();
        AccountRef teacher = room.teacher();
        AccountRef student = room.student();
        AccountRef outsider = room.outsider("outsider", Role.STUDENT);
        Views.AssignmentSummary a = room.assignment();
        TestUsers.actAs(student);
        long seed = assignments.seed(a.id(), "practical-gray");
        String padding = exercises.variant("practical-gray", seed).parameters().string("padding");

        openAs(outsider);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        open("images?task=practical-gray&assignment=" + a.id());
        assertThat(_get(TaskBar.class, s -> s.withId("task-bar")).title.getText()).contains("not part of one of your assignments");

        openAs(student);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        // a seed in the address is not the student's: the server's is used
        open("images?task=practical-gray&assignment=" + a.id() + "&seed=999");
        assertThat(_get(Button.class, s -> s.withId("task-check")).getText()).isEqualTo("Submit");
        gray();
        padding(padding);
        answerShape("1 x 1");
        assertThat(result()).isEqualTo("Submitted; attempts left: 2.");
        assertThat(item("shape")).startsWith("✘");
        answerShape(padding.equals("valid") ? "254 x 254" : "256 x 256");
        assertThat(result()).isEqualTo("Submitted; attempts left: 1.");
        assertThat(item("shape")).startsWith("✔");
        assertThat(item("gray")).startsWith("✔");

        TestUsers.actAs(teacher);
        Views.GradeTable table = grades.forAssignment(a.id());
        Views.ExerciseGrade cell = table.rows().get(0).exercises().get(0);
        assertThat(cell.bestScore()).isEqualTo(1.0);
        assertThat(cell.attempts()).isEqualTo(2);
        String experimentId = cell.experimentId();
        assertThat(experimentId).isNotNull();
        var saved = experiments.get(experimentId);
        assertThat(saved.getKind()).isEqualTo("images");
        var request = experiments.body(saved).get("request");
        assertThat(request.get("gray").asBoolean()).isTrue();
        assertThat(request.get("padding").asText()).isEqualTo(padding);
        assertThat(images.file(request.get("image").get("sha256").asText())).isNotEmpty();

        Views.ExerciseStats stats = table.exercises().get(0);
        assertThat(stats.attempts()).isEqualTo(2);
        assertThat(stats.correctShare()).isEqualTo(0.5);
        assertThat(stats.commonWrong()).isEqualTo("{\"shape\":[1,1]}");

        openAs(teacher);
        open("classroom/assignments/" + a.id() + "/grades");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<Views.GradeRow> gradeGrid = _get(com.vaadin.flow.component.grid.Grid.class, s -> s.withId("grades"));
        Component cellView = com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(gradeGrid, 0, "exercise-0");
        var link = (com.vaadin.flow.component.html.Anchor) cellView.getChildren()
                .filter(c -> c instanceof com.vaadin.flow.component.html.Anchor).findFirst().orElseThrow();
        assertThat(link.getHref()).isEqualTo("e/" + experimentId);
        assertThat(cellView.getElement().getTextRecursively()).startsWith("100");
    }

    private static boolean solutionShown() {
        return _get(TaskBar.class, s -> s.withId("task-bar")).solution.isVisible();
    }

    @Test
    void practiceShowsTheWorkedSolutionWhenAskedOrAfterARightAnswer() {
        openAs(null);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        open("images?task=practical-gray&seed=0");
        TaskBar bar = _get(TaskBar.class, s -> s.withId("task-bar"));
        assertThat(solutionShown()).isFalse();
        assertThat(bar.showSolution.getText()).isEqualTo("Show the solution");
        answerShape("1 x 1");
        assertThat(solutionShown()).as("a wrong answer does not show it").isFalse();
        bar.showSolution.click();
        assertThat(solutionShown()).isTrue();
        assertThat(bar.showSolution.isVisible()).isFalse();
        List<String> steps = exercises.variant("practical-gray", 0).solution().steps().stream().map(t -> t.en()).toList();
        assertThat(steps).isNotEmpty();
        assertThat(bar.solution.getChildren().map(c -> ((ListItem) c).getText())).containsExactlyElementsOf(steps);

        open("images?task=practical-gray&seed=0");
        assertThat(solutionShown()).as("a new task starts without it").isFalse();
        gray();
        padding("valid");
        answerShape("254 x 254");
        assertThat(result()).isEqualTo("Correct.");
        assertThat(solutionShown()).isTrue();
    }

    @Test
    void inAnAssignmentTheSolutionFollowsTheTeachersPolicy() {
        ClassroomFixture room = ClassroomFixture.in(context).teacher("policy-teacher").students("policy-student")
                .className("Políticas")
                .assignment(ClassroomFixture.openForm("Nunca", 3, SolutionPolicy.NEVER, "practical-gray"))
                .assignment(ClassroomFixture.openForm("Depois", 2, SolutionPolicy.AFTER_LAST_ATTEMPT, "practical-gray")).build();
        AccountRef student = room.student();
        Views.AssignmentSummary never = room.assignment(0);
        Views.AssignmentSummary afterLast = room.assignment(1);

        openAs(student);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        open("images?task=practical-gray&assignment=" + never.id());
        TaskBar bar = _get(TaskBar.class, s -> s.withId("task-bar"));
        assertThat(bar.showSolution.isVisible()).as("no button in an assignment").isFalse();
        String padding = exercises.variant("practical-gray", assignments.seed(never.id(), "practical-gray")).parameters().string("padding");
        gray();
        padding(padding);
        answerShape(padding.equals("valid") ? "254 x 254" : "256 x 256");
        assertThat(item("shape")).startsWith("✔");
        assertThat(solutionShown()).as("never, even when right").isFalse();

        open("images?task=practical-gray&assignment=" + afterLast.id());
        answerShape("1 x 1");
        assertThat(result()).isEqualTo("Submitted; attempts left: 1.");
        assertThat(solutionShown()).as("attempts are left").isFalse();
        answerShape("1 x 1");
        assertThat(result()).isEqualTo("Submitted; attempts left: 0.");
        assertThat(solutionShown()).as("after the last attempt").isTrue();
        assertThat(_get(TaskBar.class, s -> s.withId("task-bar")).showSolution.isVisible()).isFalse();

        open("images?task=practical-gray&assignment=" + afterLast.id());
        assertThat(solutionShown()).as("reopened after the last attempt").isTrue();
        open("images?task=practical-gray&assignment=" + never.id());
        assertThat(solutionShown()).as("reopened, never").isFalse();
    }

    static Component current() {
        return (Component) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }
}

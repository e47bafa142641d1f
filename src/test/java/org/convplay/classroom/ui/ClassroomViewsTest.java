package org.convplay.classroom.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.KaribuSpringTest;
import org.convplay.classroom.TestUsers;
import org.convplay.classroom.service.AssignmentService;
import org.convplay.classroom.service.CourseService;
import org.convplay.classroom.service.Views;
import org.convplay.exercise.service.ExerciseService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The classroom pages used as a teacher and a student would, through their buttons and fields. */
class ClassroomViewsTest extends KaribuSpringTest {

    @Autowired
    AccountService accounts;
    @Autowired
    CourseService courses;
    @Autowired
    AssignmentService assignments;
    @Autowired
    ExerciseService exercises;

    @SuppressWarnings("unchecked")
    private static <T> T view(String route) {
        UI.getCurrent().navigate(route);
        return (T) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    private static TextField part(String name) {
        return _get(TextField.class, s -> s.withId("part-" + name));
    }

    private static void fill(String output, String dense, String conv, String reduction) {
        part("output").setValue(output);
        part("denseParameters").setValue(dense);
        part("convParameters").setValue(conv);
        part("reduction").setValue(reduction);
        _get(Button.class, s -> s.withClasses("submit")).click();
    }

    @Test
    void teacherCreatesAClassAndAnAssignmentStudentJoinsAndSubmitsTeacherSeesTheGrade() {
        AccountRef teacher = TestUsers.signUp(accounts, "teacher", Role.TEACHER);
        AccountRef student = TestUsers.signUp(accounts, "student", Role.STUDENT);

        openAs(teacher);
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        ClassroomView home = view("classroom");
        home.name.setValue("Visão computacional");
        home.create.click();
        assertThat(home.classes.getListDataView().getItems().map(Views.CourseSummary::name).toList()).containsExactly("Visão computacional");
        Views.CourseSummary course = courses.mine().get(0);

        CourseView page = view("classroom/classes/" + course.id());
        assertThat(page.joinCode.getText()).contains(course.joinCode());
        page.create.click();
        assertThat(page.formError.getText()).as("a title is required").isNotEmpty();
        page.title.setValue("Lista 1");
        page.exercisePicker.setValue(Set.of(exercises.exercise("dense-vs-conv")));
        page.attempts.setValue(3);
        page.create.click();
        assertThat(page.formError.getText()).isEmpty();
        assertThat(page.assignmentGrid.getListDataView().getItems().map(Views.AssignmentSummary::title).toList()).containsExactly("Lista 1");
        long assignmentId = page.assignmentGrid.getListDataView().getItem(0).id();

        openAs(student);
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        ClassroomView studentHome = view("classroom");
        studentHome.code.setValue(course.joinCode().toLowerCase());
        studentHome.join.click();
        assertThat(studentHome.assignmentGrid.getListDataView().getItems().map(r -> r.assignment().title()).toList()).containsExactly("Lista 1");

        StudentAssignmentView work = view("classroom/assignments/" + assignmentId);
        assertThat(_find(TextArea.class)).as("no JSON box for a non-practical exercise").isEmpty();
        part("output").setValue("98 x 98");
        part("denseParameters").setValue("many");
        _get(Button.class, s -> s.withClasses("submit")).click();
        assertThat(part("denseParameters").getErrorMessage()).as("text in a number field").contains("Not a whole number");
        assertThat(part("convParameters").getErrorMessage()).as("an empty part").contains("Fill in");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withClasses("attempts")).getText()).contains("0 of 3");

        fill("1 x 1", "1", "1", "1");
        assertThat(_get(Pre.class, s -> s.withClasses("feedback")).getText()).contains("Not quite");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("part-output-mark")).getText()).isEqualTo("✘");
        assertThat(_find(com.vaadin.flow.component.html.UnorderedList.class, s -> s.withClasses("solution"))).isEmpty();
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, s -> s.withClasses("hints")).getChildren().count()).isEqualTo(1);

        Map<String, Object> p = assignments.forStudent(assignmentId).exercises().get(0).parameters();
        int n = (Integer) p.get("n");
        int k = (Integer) p.get("k");
        long out = n - k + 1;
        long dense = (long) n * n * out * out + out * out;
        long conv = (long) k * k + 1;
        fill(out + "x" + out, String.format(java.util.Locale.ENGLISH, "%,d", dense), Long.toString(conv),
                Double.toString((double) dense / conv));
        assertThat(_get(Pre.class, s -> s.withClasses("feedback")).getText()).startsWith("Correct");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("part-reduction-mark")).getText()).isEqualTo("✔");
        assertThat(_find(com.vaadin.flow.component.html.UnorderedList.class, s -> s.withClasses("solution"))).hasSize(1);

        openAs(teacher);
        AssignmentGradesView grades = view("classroom/assignments/" + assignmentId + "/grades");
        List<Views.GradeRow> rows = grades.grid.getListDataView().getItems().toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).student().username()).isEqualTo(student.username());
        assertThat(rows.get(0).totalPercent()).isEqualTo(100.0);
        assertThat(rows.get(0).exercises().get(0).attempts()).as("the malformed answer did not count").isEqualTo(2);
        assertThat(grades.csv.getHref()).isEqualTo("/api/classroom/assignments/" + assignmentId + "/grades.csv");
    }

    /** A refused class form says why in the reader's language, naming what was wrong. */
    @Test
    void classroomRefusalsAreInTheReadersLanguage() {
        AccountRef teacher = TestUsers.signUp(accounts, "professora", Role.TEACHER);
        AccountRef student = TestUsers.signUp(accounts, "aluna", Role.STUDENT);

        openAs(student);
        UI.getCurrent().setLocale(org.convplay.shared.Messages.PORTUGUESE);
        ClassroomView home = view("classroom");
        home.code.setValue("zz-9999");
        home.join.click();
        assertThat(home.code.isInvalid()).isTrue();
        assertThat(home.code.getErrorMessage()).isEqualTo("Nenhuma turma tem o código \"ZZ9999\".");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        home.join.click();
        assertThat(home.code.getErrorMessage()).isEqualTo("No class has the code \"ZZ9999\".");

        openAs(teacher);
        UI.getCurrent().setLocale(org.convplay.shared.Messages.PORTUGUESE);
        ClassroomView teacherHome = view("classroom");
        teacherHome.name.setValue("Turma A");
        teacherHome.create.click();
        CourseView page = view("classroom/classes/" + courses.mine().get(0).id());
        page.create.click();
        assertThat(page.formError.getText()).isEqualTo("O título deve ter de 1 a 120 caracteres.");
        page.title.setValue("Lista 1");
        page.create.click();
        assertThat(page.formError.getText()).isEqualTo("Escolha pelo menos um exercício.");
    }
}

package org.convplay.exercise.ui;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import org.convplay.exercise.Exercise;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.KaribuSpringTest;
import org.convplay.classroom.TestUsers;
import org.convplay.classroom.service.CourseService;
import org.convplay.classroom.ui.CourseView;
import org.convplay.exercise.ExerciseLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A teacher writes an exercise on the page: live preview of seed 0 and another seed, errors with their line, saved for their classes. */
class TeacherExercisesViewTest extends KaribuSpringTest {

    @Autowired
    AccountService accounts;
    @Autowired
    CourseService courses;

    @SuppressWarnings("unchecked")
    private static <T> T view(String route) {
        UI.getCurrent().navigate(route);
        return (T) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    private static String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void theStarterPreviewsAnErrorNamesItsLineAndASavedExerciseIsOfferedInTheAssignmentForm() {
        AccountRef teacher = TestUsers.signUp(accounts, "teacher", Role.TEACHER);
        openAs(teacher);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        TeacherExercisesView page = view("classroom/exercises");
        assertThat(text(page.previewZero)).contains("seed) 0").contains("A 100x100 image").contains("[98,98]");
        assertThat(text(page.previewOther)).contains("seed) 1");
        assertThat(page.previewZero.getChildren().findFirst().orElseThrow().getChildren()
                .anyMatch(c -> c instanceof AnswerForm)).as("the student's form is previewed").isTrue();

        page.editor.setValue(TeacherExercisesView.STARTER.replace("\"n - k + 1\", \"n - k + 1\"", "\"n - k + 1\", \"n - size + 1\""));
        assertThat(page.error.getText()).contains("line 14").contains("parts[0].formula[1]").contains("[size]");
        page.save.click();
        assertThat(page.saved.getText()).as("a refused text is not stored").isEmpty();
        assertThat(page.mine.getListDataView().getItemCount()).isZero();

        page.otherSeed.setValue(7);
        page.load("mine.yaml", TeacherExercisesView.STARTER.getBytes(StandardCharsets.UTF_8));
        assertThat(page.error.getText()).isEmpty();
        assertThat(text(page.previewOther)).contains("seed) 7");
        page.save.click();
        assertThat(page.saved.getText()).contains("t" + teacher.id() + "-valid-output");
        assertThat(page.mine.getListDataView().getItemCount()).isEqualTo(1);

        page.load("huge.yaml", new byte[ExerciseLimits.MAX_FILE_BYTES + 1]);
        assertThat(page.error.getText()).contains("huge.yaml").contains("65,536 bytes");

        long courseId = courses.create("Turma A").id();
        CourseView course = view("classroom/classes/" + courseId);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Exercise> picker = _get(MultiSelectComboBox.class, s -> s.withId("assignment-exercises"));
        assertThat(picker.getListDataView().getItems().map(e -> e.id()))
                .contains("dense-vs-conv", "t" + teacher.id() + "-valid-output");
    }

    @Test
    void studentsCannotOpenThePage() {
        openAs(TestUsers.signUp(accounts, "student", Role.STUDENT));
        // the exception's message is empty in production mode (CI builds the bundle): its type says what happened
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UI.getCurrent().navigate("classroom/exercises"))
                .isInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
    }
}

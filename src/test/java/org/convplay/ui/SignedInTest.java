package org.convplay.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Locale;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.ClassroomFixture;
import org.convplay.classroom.KaribuSpringTest;
import org.convplay.classroom.TestUsers;
import org.convplay.classroom.service.AssignmentService;
import org.convplay.classroom.service.Views;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.service.ExerciseService;
import org.convplay.exercise.ui.ExerciseListView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The top bar says who is signed in on every page, and a student sees which exercises are done. */
class SignedInTest extends KaribuSpringTest {

    @Autowired
    AccountService accounts;
    @Autowired
    AssignmentService assignments;
    @Autowired
    ExerciseService exercises;

    private static MainLayout layout(String route) {
        UI.getCurrent().navigate(route);
        List<?> chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        return (MainLayout) chain.get(chain.size() - 1);
    }

    private static List<String> menu() {
        SideNav nav = com.github.mvysny.kaributesting.v10.LocatorJ._get(SideNav.class);
        return nav.getItems().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void anonymousVisitorsSeeSignIn() {
        openAs(null);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        MainLayout layout = layout("exercises");
        assertThat(layout.signIn.isVisible()).isTrue();
        assertThat(layout.signIn.getText()).isEqualTo("Sign in");
        assertThat(layout.signOut.isVisible()).isFalse();
        assertThat(layout.signedInAs.isVisible()).isFalse();
        assertThat(menu()).contains("Sign in");
    }

    @Test
    void aSignedInTeacherSeesTheirNameRoleAndSignOutOnEveryPageInBothLanguages() {
        AccountRef teacher = TestUsers.signUp(accounts, "teacher", Role.TEACHER);
        openAs(teacher);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        for (String route : List.of("images", "exercises", "classroom")) {
            MainLayout layout = layout(route);
            assertThat(layout.signedInAs.getText()).as(route).isEqualTo("teacher Person (Teacher)");
            assertThat(layout.signOut.isVisible()).isTrue();
            assertThat(layout.signOut.getText()).isEqualTo("Sign out");
            assertThat(layout.signIn.isVisible()).isFalse();
            assertThat(menu()).doesNotContain("Sign in");
        }
        UI.getCurrent().setLocale(org.convplay.shared.Messages.PORTUGUESE);
        MainLayout layout = layout("exercises");
        assertThat(layout.signedInAs.getText()).isEqualTo("teacher Person (Professor(a))");
        assertThat(layout.signOut.getText()).isEqualTo("Sair");
    }

    @Test
    void aStudentSeesTheExercisesTheySolvedOnTheList() {
        ClassroomFixture room = ClassroomFixture.in(context).assignment("Lista", "dense-vs-conv", "pooling-shape").build();
        AccountRef student = room.student();
        Views.AssignmentSummary a = room.assignment();
        long seed = assignments.seed(a.id(), "dense-vs-conv");
        String right = exercises.variant("dense-vs-conv", seed).solution().answer().toString();
        assertThat(assignments.submit(a.id(), "dense-vs-conv", right).correct()).isTrue();
        assertThat(assignments.submit(a.id(), "pooling-shape", exercises.exercise("pooling-shape").answerExample().toString()).outcome())
                .isEqualTo(Views.Outcome.GRADED);

        openAs(student);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("exercises");
        ExerciseListView list = (ExerciseListView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        @SuppressWarnings("unchecked")
        Grid<Exercise> grid = (Grid<Exercise>) com.github.mvysny.kaributesting.v10.LocatorJ._get(Grid.class, s -> s.withId("exercise-grid"));
        Grid.Column<Exercise> done = grid.getColumnByKey("done");
        assertThat(done).isNotNull();
        List<Exercise> all = exercises.list();
        for (Exercise e : all) {
            String cell = com.github.mvysny.kaributesting.v10.GridKt._getFormatted(grid, all.indexOf(e), "done");
            assertThat(cell).as(e.id()).isEqualTo(e.id().equals("dense-vs-conv") ? "✔ Done" : "");
        }

        UI.getCurrent().navigate("classroom/assignments/" + a.id());
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.Component.class,
                s -> s.withId("exercise-dense-vs-conv")).getElement().getTextRecursively()).contains("✔ Done");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.Component.class,
                s -> s.withId("exercise-pooling-shape")).getElement().getTextRecursively()).doesNotContain("Done");
    }
}

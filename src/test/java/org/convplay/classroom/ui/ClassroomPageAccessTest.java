package org.convplay.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convplay.account.AccountRef;
import org.convplay.classroom.ClassroomFixture;
import org.convplay.security.ui.LoginView;
import org.convplay.classroom.KaribuSpringTest;
import org.convplay.classroom.TestUsers;
import org.convplay.classroom.service.Views;
import org.convplay.convolve.ui.PlaygroundView;
import org.convplay.exercise.ui.ExerciseListView;
import org.convplay.exercise.ui.ExercisePracticeView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every classroom page against every kind of visitor: anonymous, the class's student, a student of
 * another class, the class's teacher and another teacher. Only the allowed ones reach the page;
 * the public pages stay open to everyone.
 */
class ClassroomPageAccessTest extends KaribuSpringTest {


    AccountRef teacher;
    AccountRef otherTeacher;
    AccountRef student;
    AccountRef otherStudent;
    /** Route -> the view it shows when access is granted. */
    final Map<String, Class<? extends Component>> routes = new LinkedHashMap<>();

    @BeforeEach
    void aClassWithAnAssignment() {
        ClassroomFixture room = ClassroomFixture.in(context).className("Turma A").assignment("Lista 1", "dense-vs-conv").build();
        ClassroomFixture other = ClassroomFixture.in(context).teacher("other-teacher").className("Turma B")
                .students("other-student").build();
        teacher = room.teacher();
        student = room.student();
        otherTeacher = other.teacher();
        otherStudent = other.student();
        Views.CourseSummary course = room.course();
        Views.AssignmentSummary a = room.assignment();
        TestUsers.anonymous();

        routes.put("classroom", ClassroomView.class);
        routes.put("classroom/classes/" + course.id(), CourseView.class);
        routes.put("classroom/classes/" + course.id() + "/students/" + student.id(), StudentGradesView.class);
        routes.put("classroom/assignments/" + a.id() + "/grades", AssignmentGradesView.class);
        routes.put("classroom/assignments/" + a.id(), StudentAssignmentView.class);
    }

    /** The view shown for the route, or null when navigation was refused (Karibu rethrows Vaadin's denial). */
    private Class<? extends Component> visit(String route) {
        try {
            UI.getCurrent().navigate(route);
            return currentView();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof com.vaadin.flow.router.AccessDeniedException || t instanceof com.vaadin.flow.router.NotFoundException) {
                    return null;
                }
            }
            throw e;
        }
    }

    private void expectOnly(AccountRef who, String... allowedRoutes) {
        openAs(who);
        List<String> allowed = List.of(allowedRoutes);
        routes.forEach((route, view) -> {
            Class<? extends Component> shown = visit(route);
            if (allowed.contains(route)) {
                assertThat(shown).as("%s may open %s", who == null ? "anonymous" : who.username(), route).isEqualTo(view);
            } else {
                assertThat(shown).as("%s may not open %s", who == null ? "anonymous" : who.username(), route).isNotEqualTo(view);
                if (who == null) {
                    assertThat(shown).as("anonymous visitors are sent to sign in").isEqualTo(LoginView.class);
                }
            }
        });
    }

    private String route(Class<? extends Component> view) {
        return routes.entrySet().stream().filter(e -> e.getValue() == view).findFirst().orElseThrow().getKey();
    }

    @Test
    void anonymousVisitorsReachNoClassroomPage() {
        expectOnly(null);
    }

    @Test
    void theStudentReachesTheHomeAndTheirAssignmentOnly() {
        expectOnly(student, route(ClassroomView.class), route(StudentAssignmentView.class));
    }

    @Test
    void aStudentOfAnotherClassReachesOnlyTheHome() {
        expectOnly(otherStudent, route(ClassroomView.class));
    }

    @Test
    void theTeacherReachesEveryTeacherPageOfTheirClass() {
        expectOnly(teacher, route(ClassroomView.class), route(CourseView.class), route(StudentGradesView.class),
                route(AssignmentGradesView.class));
    }

    @Test
    void anotherTeacherReachesOnlyTheHome() {
        expectOnly(otherTeacher, route(ClassroomView.class));
    }

    @Test
    void thePublicPagesStayOpenToAnonymousVisitors() {
        openAs(null);
        assertThat(visit("")).isEqualTo(PlaygroundView.class);
        assertThat(visit("exercises")).isEqualTo(ExerciseListView.class);
        assertThat(visit("exercises/dense-vs-conv")).isEqualTo(ExercisePracticeView.class);
        assertThat(visit("login")).isEqualTo(LoginView.class);
        assertThat(visit("signup")).isEqualTo(org.convplay.security.ui.SignUpView.class);
    }
}

package org.convplay.classroom.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convplay.classroom.TestUsers.actAs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.convplay.AppTest;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.ClassroomFixture;
import org.convplay.classroom.TestUsers;
import org.convplay.classroom.domain.LatePolicy;
import org.convplay.classroom.domain.SolutionPolicy;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.ExerciseFileException;
import org.convplay.exercise.SampleExercises;
import org.convplay.exercise.service.TeacherExerciseService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/**
 * The rules issue 12 adds to assignments: when the worked solution shows (the teacher's choice),
 * hints earned by wrong attempts, and exercises a teacher writes, which only that teacher's
 * classes can be given.
 */
@AppTest
class SolutionsAndTeacherExercisesTest {


    @Autowired
    AccountService accounts;
    @Autowired
    CourseService courses;
    @Autowired
    AssignmentService assignments;
    @Autowired
    TeacherExerciseService teacherExercises;

    @Autowired
    ApplicationContext context;

    ClassroomFixture room;
    AccountRef teacher;
    AccountRef ana;
    Views.CourseSummary course;

    @BeforeEach
    void aClassWithOneStudent() {
        assignments.setClock(Clock.systemUTC());
        room = ClassroomFixture.in(context).className("Visão 2026").students("ana").build();
        teacher = room.teacher();
        ana = room.student();
        course = room.course();
    }

    @AfterEach
    void reset() {
        assignments.setClock(Clock.systemUTC());
        TestUsers.anonymous();
    }

    private Views.AssignmentSummary assignment(List<String> ids, int attempts, SolutionPolicy policy) {
        return room.assign(ClassroomFixture.openForm("Lista", attempts, policy, ids.toArray(String[]::new)));
    }

    private static final String WRONG = "{\"output\": [1, 1], \"denseParameters\": 1, \"convParameters\": 1, \"reduction\": 1}";

    @Test
    void afterTheLastAttemptIsTheDefaultAndShowsHintsOnePerWrongAttempt() {
        Views.AssignmentSummary a = assignment(List.of("dense-vs-conv"), 2, SolutionPolicy.AFTER_LAST_ATTEMPT);
        assertThat(a.solutionPolicy()).isEqualTo(SolutionPolicy.AFTER_LAST_ATTEMPT);
        actAs(ana);
        assertThat(assignments.forStudent(a.id()).exercises().get(0).hints()).isEmpty();
        Views.SubmitResult first = assignments.submit(a.id(), "dense-vs-conv", WRONG);
        assertThat(first.solution()).isNull();
        assertThat(first.checks()).extracting(c -> c.field()).containsExactly("output", "denseParameters", "convParameters", "reduction");
        Views.StudentExercise e = assignments.forStudent(a.id()).exercises().get(0);
        assertThat(e.hints()).hasSize(1);
        assertThat(e.lastChecks()).hasSize(4).noneMatch(c -> c.correct());
        assertThat(e.lastAnswer()).contains("denseParameters");
        Views.SubmitResult last = assignments.submit(a.id(), "dense-vs-conv", WRONG);
        assertThat(last.solution()).as("the last attempt shows it").isNotNull();
        assertThat(assignments.forStudent(a.id()).exercises().get(0).hints()).hasSize(2);
    }

    @Test
    void neverKeepsTheSolutionHiddenEvenAfterTheLastAttemptAndTheClose() {
        Views.AssignmentSummary a = assignment(List.of("dense-vs-conv"), 1, SolutionPolicy.NEVER);
        actAs(ana);
        assertThat(assignments.submit(a.id(), "dense-vs-conv", WRONG).solution()).isNull();
        assignments.setClock(Clock.fixed(Instant.now().plus(Duration.ofDays(30)), ZoneOffset.UTC));
        assertThat(assignments.forStudent(a.id()).exercises().get(0).solution()).isNull();
    }

    @Test
    void afterTheDueDateWaitsForTheDateNotForTheAttempts() {
        Views.AssignmentSummary a = assignment(List.of("dense-vs-conv"), 1, SolutionPolicy.AFTER_DUE);
        actAs(ana);
        assertThat(assignments.submit(a.id(), "dense-vs-conv", WRONG).solution()).as("attempts used up, but not due yet").isNull();
        assertThat(assignments.forStudent(a.id()).exercises().get(0).solution()).isNull();
        assignments.setClock(Clock.fixed(Instant.now().plus(Duration.ofDays(8)), ZoneOffset.UTC));
        assertThat(assignments.forStudent(a.id()).exercises().get(0).solution()).isNotEmpty();
    }

    @Test
    void aSolutionPolicyIsRequired() {
        actAs(teacher);
        assertThatThrownBy(() -> assignments.create(course.id(), new Views.AssignmentForm("x", List.of("dense-vs-conv"),
                Instant.now(), Instant.now().plusSeconds(60), 1, LatePolicy.REFUSE, 0, null)))
                .isInstanceOf(ClassroomException.class).hasMessageContaining("solution");
    }

    @Test
    void aTeachersExerciseIsPreviewedStoredAndGivenOnlyToTheirClasses() {
        assertThat(teacherExercises.preview("quiz.yaml", SampleExercises.QUIZ, 0).solution().answer().toString()).isEqualTo("{\"output\":[8,8]}");
        assertThat(teacherExercises.preview("quiz.yaml", SampleExercises.QUIZ, 5).parameters().asMap()).containsKeys("n", "k");
        assertThatThrownBy(() -> teacherExercises.preview("quiz.yaml", SampleExercises.QUIZ.replace("n - k + 1\", \"n - k + 1", "n - k + 1\", \"n / (k - 3)"), 0))
                .isInstanceOf(ExerciseFileException.class).hasMessageContaining("quiz.yaml, line 12").hasMessageContaining("Division by zero");

        actAs(ana);
        assertThatThrownBy(() -> teacherExercises.save("quiz.yaml", SampleExercises.QUIZ)).isInstanceOf(AccessDeniedException.class);

        actAs(teacher);
        Exercise saved = teacherExercises.save("quiz.yaml", SampleExercises.QUIZ);
        assertThat(saved.id()).isEqualTo(TeacherExerciseService.key(teacher.id(), "quiz-size"));
        assertThat(teacherExercises.mine()).extracting(Exercise::id).containsExactly(saved.id());
        // Saving the same id again replaces it rather than adding a second one.
        teacherExercises.save("quiz.yaml", SampleExercises.QUIZ.replace("Quiz size", "Quiz size again"));
        assertThat(teacherExercises.mine()).singleElement().satisfies(e -> assertThat(e.title().en()).isEqualTo("Quiz size again"));

        Views.AssignmentSummary a = assignment(List.of(saved.id()), 3, SolutionPolicy.AFTER_LAST_ATTEMPT);
        actAs(ana);
        Views.StudentExercise e = assignments.forStudent(a.id()).exercises().get(0);
        assertThat(e.parts()).extracting(p -> p.name()).containsExactly("output");
        Map<String, Object> p = e.parameters();
        long out = (Integer) p.get("n") - (Integer) p.get("k") + 1;
        Views.SubmitResult r = assignments.submit(a.id(), saved.id(), "{\"output\": [" + out + ", " + out + "]}");
        assertThat(r.correct()).isTrue();

        AccountRef other = TestUsers.signUp(accounts, "other", Role.TEACHER);
        actAs(other);
        Views.CourseSummary otherCourse = courses.create("Outra turma");
        assertThat(teacherExercises.mine()).isEmpty();
        assertThatThrownBy(() -> assignments.create(otherCourse.id(), new Views.AssignmentForm("Copiada", List.of(saved.id()),
                Instant.now(), Instant.now().plusSeconds(600), 1, LatePolicy.REFUSE, 0)))
                .isInstanceOf(ClassroomException.class).hasMessageContaining(saved.id());
    }
}

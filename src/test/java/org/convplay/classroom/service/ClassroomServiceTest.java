package org.convplay.classroom.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convplay.classroom.TestUsers.actAs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convplay.AppTest;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.ClassroomFixture;
import org.convplay.classroom.TestUsers;
import org.convplay.classroom.domain.LatePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

/** The classroom rules, through the services the pages use: attempts, deadlines, seeds, what students see. */
@AppTest
class ClassroomServiceTest {

    @Autowired
    AccountService accounts;
    @Autowired
    CourseService courses;
    @Autowired
    AssignmentService assignments;
    @Autowired
    GradeService grades;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    ClassroomFixture room;
    AccountRef teacher;
    AccountRef ana;
    AccountRef bruno;
    Views.CourseSummary course;

    @BeforeEach
    void aClassWithTwoStudents() {
        assignments.setClock(Clock.systemUTC());
        room = ClassroomFixture.in(context).className("Redes neurais 2026").students("ana", "bruno").build();
        teacher = room.teacher();
        ana = room.student(0);
        bruno = room.student(1);
        course = room.course();
    }

    @AfterEach
    void reset() {
        assignments.setClock(Clock.systemUTC());
        TestUsers.anonymous();
    }

    private Views.AssignmentSummary assignment(int attempts, LatePolicy policy, int penalty, Instant opens, Instant due) {
        return room.assign(new Views.AssignmentForm("Dense vs conv", List.of("dense-vs-conv"), opens, due, attempts, policy, penalty));
    }

    private Views.AssignmentSummary openAssignment(int attempts) {
        return assignment(attempts, LatePolicy.REFUSE, 0, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(7)));
    }

    /** The right answer for a student's variant, worked out here from the parameters (n x n input, k x k valid kernel). */
    private static String rightAnswer(Map<String, Object> p) {
        int n = (Integer) p.get("n");
        int k = (Integer) p.get("k");
        long out = n - k + 1;
        long dense = (long) n * n * out * out + out * out;
        long conv = (long) k * k + 1;
        return "{\"output\": [" + out + ", " + out + "], \"denseParameters\": " + dense + ", \"convParameters\": " + conv
                + ", \"reduction\": " + ((double) dense / conv) + "}";
    }

    private static String wrongAnswer() {
        return "{\"output\": [1, 1], \"denseParameters\": 1, \"convParameters\": 1, \"reduction\": 1}";
    }

    @Test
    void joinCodesAreReadableAndStudentsSeeTheClass() {
        assertThat(course.joinCode()).hasSize(CourseService.CODE_LENGTH).matches("[" + CourseService.CODE_ALPHABET + "]+");
        AccountRef carla = room.outsider("carla", Role.STUDENT);
        room.join(carla, course.joinCode().toLowerCase());
        assertThat(courses.mine()).as("a code typed in lower case").extracting(Views.CourseSummary::id).containsExactly(course.id());
        actAs(ana);
        assertThat(courses.mine()).extracting(Views.CourseSummary::id).containsExactly(course.id());
        assertThat(courses.mine().get(0).joinCode()).isNull();
        actAs(teacher);
        assertThat(courses.detail(course.id()).students()).extracting(Views.Person::id)
                .containsExactlyInAnyOrder(ana.id(), bruno.id(), carla.id());
        actAs(ana);
        assertThatThrownBy(() -> courses.join("NOPE1234")).isInstanceOf(ClassroomException.class).hasMessageContaining("NOPE1234");
    }

    @Test
    void eachStudentHasTheirOwnStableVariantNeverTheNotebooks() {
        Views.AssignmentSummary a = openAssignment(3);
        long anaSeed = Seeds.forStudent("salt", ana.id(), "dense-vs-conv");
        assertThat(anaSeed).isPositive().isEqualTo(Seeds.forStudent("salt", ana.id(), "dense-vs-conv"));
        assertThat(Seeds.forStudent("salt", bruno.id(), "dense-vs-conv")).isNotEqualTo(anaSeed);
        assertThat(Seeds.forStudent("other salt", ana.id(), "dense-vs-conv")).isNotEqualTo(anaSeed);

        actAs(ana);
        Views.StudentExercise first = assignments.forStudent(a.id()).exercises().get(0);
        Views.StudentExercise again = assignments.forStudent(a.id()).exercises().get(0);
        assertThat(again.parameters()).isEqualTo(first.parameters());
        assertThat(first.solution()).as("no worked solution before any attempt").isNull();
    }

    @Test
    void aMalformedAnswerDoesNotUseAnAttempt() {
        Views.AssignmentSummary a = openAssignment(2);
        actAs(ana);
        Views.SubmitResult notJson = assignments.submit(a.id(), "dense-vs-conv", "{output: 98");
        assertThat(notJson.outcome()).isEqualTo(Views.Outcome.NOT_GRADABLE);
        assertThat(notJson.message().en()).contains("not valid JSON").contains("did not use an attempt");
        Views.SubmitResult missing = assignments.submit(a.id(), "dense-vs-conv", "{\"output\": [98, 98]}");
        assertThat(missing.outcome()).isEqualTo(Views.Outcome.NOT_GRADABLE);
        assertThat(missing.message().en()).contains("denseParameters");
        assertThat(missing.attemptsLeft()).isEqualTo(2);
        assertThat(assignments.forStudent(a.id()).exercises().get(0).attemptsUsed()).isZero();
    }

    @Test
    void wrongThenRightKeepsTheBestScoreAndShowsTheSolutionOnceSolved() {
        Views.AssignmentSummary a = openAssignment(3);
        actAs(ana);
        Map<String, Object> p = assignments.forStudent(a.id()).exercises().get(0).parameters();
        Views.SubmitResult wrong = assignments.submit(a.id(), "dense-vs-conv", wrongAnswer());
        assertThat(wrong.outcome()).isEqualTo(Views.Outcome.GRADED);
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.attemptsLeft()).isEqualTo(2);
        assertThat(wrong.solution()).as("attempts remain, so the key stays hidden").isNull();
        Views.SubmitResult right = assignments.submit(a.id(), "dense-vs-conv", rightAnswer(p));
        assertThat(right.correct()).as(right.message().en()).isTrue();
        assertThat(right.score()).isEqualTo(1.0);
        assertThat(right.solution()).isNotEmpty();

        Views.StudentExercise seen = assignments.forStudent(a.id()).exercises().get(0);
        assertThat(seen.attemptsUsed()).isEqualTo(2);
        assertThat(seen.bestScore()).isEqualTo(1.0);
        assertThat(assignments.forStudent(a.id()).scorePercent()).isEqualTo(100.0);

        actAs(bruno);
        assertThat(assignments.forStudent(a.id()).exercises().get(0).solution()).as("another student sees no key").isNull();
        assertThat(assignments.forStudent(a.id()).exercises().get(0).lastFeedback()).as("nor Ana's feedback").isNull();
    }

    @Test
    void overTheLimitIsRefusedAndNotStoredAndTheSolutionThenShows() {
        Views.AssignmentSummary a = openAssignment(2);
        actAs(ana);
        assignments.submit(a.id(), "dense-vs-conv", wrongAnswer());
        Views.SubmitResult last = assignments.submit(a.id(), "dense-vs-conv", wrongAnswer());
        assertThat(last.attemptsLeft()).isZero();
        assertThat(last.solution()).as("attempts used up: the worked formula is shown").isNotEmpty();
        Map<String, Object> p = assignments.forStudent(a.id()).exercises().get(0).parameters();
        Views.SubmitResult over = assignments.submit(a.id(), "dense-vs-conv", rightAnswer(p));
        assertThat(over.outcome()).isEqualTo(Views.Outcome.NO_ATTEMPTS_LEFT);
        assertThat(assignments.forStudent(a.id()).exercises().get(0).attemptsUsed()).isEqualTo(2);
        assertThat(assignments.forStudent(a.id()).scorePercent()).isZero();
    }

    @Test
    void twoAnswersSentAtOnceCannotBothUseTheLastAttempt() throws Exception {
        // a double click, or two tabs: both requests count the attempts before either has saved its answer
        for (int round = 0; round < 10; round++) {
            Views.AssignmentSummary a = openAssignment(1);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.Callable<Views.Outcome> submit = () -> {
                actAs(ana);
                start.await();
                try {
                    return assignments.submit(a.id(), "dense-vs-conv", wrongAnswer()).outcome();
                } finally {
                    TestUsers.anonymous();
                }
            };
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = two.submit(submit);
                var second = two.submit(submit);
                assertThat(List.of(first.get(), second.get())).as("round " + round)
                        .containsExactlyInAnyOrder(Views.Outcome.GRADED, Views.Outcome.NO_ATTEMPTS_LEFT);
            } finally {
                two.shutdown();
            }
            actAs(ana);
            assertThat(assignments.forStudent(a.id()).exercises().get(0).attemptsUsed()).isEqualTo(1);
        }
    }

    @Test
    void lateAnswersArePenalisedOrRefusedAsTheAssignmentSays() {
        Instant opens = Instant.now().minus(Duration.ofDays(3));
        Instant due = Instant.now().minus(Duration.ofDays(1));
        Views.AssignmentSummary penalised = assignment(3, LatePolicy.PENALTY, 20, opens, due);
        Views.AssignmentSummary refused = assignment(3, LatePolicy.REFUSE, 0, opens, due);
        actAs(ana);
        Map<String, Object> p = assignments.forStudent(penalised.id()).exercises().get(0).parameters();
        Views.SubmitResult late = assignments.submit(penalised.id(), "dense-vs-conv", rightAnswer(p));
        assertThat(late.outcome()).isEqualTo(Views.Outcome.GRADED);
        assertThat(late.late()).isTrue();
        assertThat(late.score()).isEqualTo(0.8);
        assertThat(late.message().en()).contains("20% penalty");

        Map<String, Object> q = assignments.forStudent(refused.id()).exercises().get(0).parameters();
        assertThat(assignments.forStudent(refused.id()).status()).isEqualTo(Views.Status.CLOSED);
        assertThat(assignments.forStudent(refused.id()).exercises().get(0).solution()).as("closed for good: key shown").isNotNull();
        Views.SubmitResult closed = assignments.submit(refused.id(), "dense-vs-conv", rightAnswer(q));
        assertThat(closed.outcome()).isEqualTo(Views.Outcome.CLOSED);
        assertThat(assignments.forStudent(refused.id()).exercises().get(0).attemptsUsed()).isZero();
    }

    @Test
    void nothingIsShownOrAcceptedBeforeOpening() {
        Views.AssignmentSummary a = assignment(3, LatePolicy.REFUSE, 0, Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(2)));
        actAs(ana);
        assertThat(assignments.forStudent(a.id()).status()).isEqualTo(Views.Status.NOT_OPEN);
        assertThat(assignments.forStudent(a.id()).exercises()).isEmpty();
        Views.SubmitResult early = assignments.submit(a.id(), "dense-vs-conv", wrongAnswer());
        assertThat(early.outcome()).isEqualTo(Views.Outcome.NOT_OPEN);
        assertThat(early.message().en()).as("a date as people read it").startsWith("This assignment opens at ").doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT");
        // and once the clock passes the opening, it is
        assignments.setClock(Clock.fixed(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60), ZoneOffset.UTC));
        assertThat(assignments.submit(a.id(), "dense-vs-conv", wrongAnswer()).outcome()).isEqualTo(Views.Outcome.GRADED);
    }

    @Test
    void theTeachersTableAndCsvShowEachStudentsBestScore() {
        Views.AssignmentSummary a = openAssignment(3);
        actAs(ana);
        Map<String, Object> p = assignments.forStudent(a.id()).exercises().get(0).parameters();
        assignments.submit(a.id(), "dense-vs-conv", wrongAnswer());
        assignments.submit(a.id(), "dense-vs-conv", rightAnswer(p));
        actAs(teacher);
        Views.GradeTable table = grades.forAssignment(a.id());
        Views.GradeRow anaRow = table.rows().stream().filter(r -> r.student().id() == ana.id()).findFirst().orElseThrow();
        Views.GradeRow brunoRow = table.rows().stream().filter(r -> r.student().id() == bruno.id()).findFirst().orElseThrow();
        assertThat(anaRow.totalPercent()).isEqualTo(100.0);
        assertThat(anaRow.exercises().get(0).attempts()).isEqualTo(2);
        assertThat(brunoRow.totalPercent()).isZero();
        String csv = grades.csv(a.id());
        assertThat(csv.split("\r\n")[0]).isEqualTo("username,name,dense-vs-conv %,dense-vs-conv attempts,total %");
        assertThat(csv).contains(ana.username() + ",ana Person,100.0,2,100.0").contains(bruno.username() + ",bruno Person,0.0,0,0.0");
        assertThat(grades.forStudent(course.id(), ana.id()).rows().get(0).scorePercent()).isEqualTo(100.0);
    }

    @Test
    void storedFeedbackRendersInTheReadersLanguageAndOlderRowsKeepTheirWords() {
        Views.AssignmentSummary a = openAssignment(3);
        actAs(ana);
        assignments.submit(a.id(), "dense-vs-conv",
                "{\"output\": [1, 1], \"denseParameters\": 1, \"convParameters\": 1, \"reduction\": 1234.5}");
        org.convplay.exercise.Text stored = assignments.forStudent(a.id()).exercises().get(0).lastFeedback();
        assertThat(stored.in(Locale.ENGLISH)).contains("1,234.5 is not within 1% of the right value");
        assertThat(stored.in(Locale.forLanguageTag("pt-BR"))).contains("1.234,5 não está a menos de 1% do valor certo");
        assertThat(jdbc.queryForList("SELECT feedback, feedback_en FROM submission WHERE assignment_id = ?", a.id()))
                .singleElement().satisfies(row -> {
                    assertThat((String) row.get("feedback")).contains("\"key\":\"grading.part.notWithin\"").contains("1234.5");
                    assertThat(row.get("feedback_en")).isNull();
                });

        // a row stored before V8 has its feedback as written in each language
        jdbc.update("INSERT INTO submission (assignment_id, student_id, exercise_id, seed, answer, correct, raw_score, score, late,"
                + " feedback_en, feedback_pt, submitted_at) VALUES (?, ?, 'dense-vs-conv', 1, '{}', FALSE, 0, 0, FALSE, ?, ?, ?)",
                a.id(), bruno.id(), "Old feedback.", "Feedback antigo.", java.sql.Timestamp.from(Instant.now()));
        actAs(bruno);
        org.convplay.exercise.Text old = assignments.forStudent(a.id()).exercises().get(0).lastFeedback();
        assertThat(old.in(Locale.ENGLISH)).isEqualTo("Old feedback.");
        assertThat(old.in(Locale.forLanguageTag("pt-BR"))).isEqualTo("Feedback antigo.");
    }

    @Test
    void csvCellsCannotBecomeFormulas() {
        assertThat(GradeService.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(GradeService.cell("-12.5")).isEqualTo("-12.5");
        assertThat(GradeService.cell("Silva, Ana")).isEqualTo("\"Silva, Ana\"");
    }

    @Test
    void nobodyReachesAClassThatIsNotTheirs() {
        Views.AssignmentSummary a = openAssignment(3);
        AccountRef otherTeacher = TestUsers.signUp(accounts, "other", Role.TEACHER);
        AccountRef outsider = TestUsers.signUp(accounts, "outsider", Role.STUDENT);
        actAs(otherTeacher);
        assertThatThrownBy(() -> grades.forAssignment(a.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> courses.detail(course.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignments.create(course.id(), new Views.AssignmentForm("x", List.of("dense-vs-conv"),
                Instant.now(), Instant.now().plusSeconds(60), 1, LatePolicy.REFUSE, 0))).isInstanceOf(AccessDeniedException.class);
        actAs(outsider);
        assertThatThrownBy(() -> assignments.forStudent(a.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> assignments.submit(a.id(), "dense-vs-conv", wrongAnswer())).isInstanceOf(AccessDeniedException.class);
        actAs(ana);
        assertThatThrownBy(() -> grades.forAssignment(a.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> courses.create("mine")).isInstanceOf(AccessDeniedException.class);
        TestUsers.anonymous();
        assertThatThrownBy(() -> assignments.mine()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void badAssignmentFormsAreRefusedNamingTheField() {
        actAs(teacher);
        Instant now = Instant.now();
        assertThatThrownBy(() -> assignments.create(course.id(), new Views.AssignmentForm("t", List.of("no-such"), now, now.plusSeconds(9), 1, LatePolicy.REFUSE, 0)))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.field()).isEqualTo("exercises"));
        assertThatThrownBy(() -> assignments.create(course.id(), new Views.AssignmentForm("t", List.of("dense-vs-conv"), now, now.minusSeconds(9), 1, LatePolicy.REFUSE, 0)))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.field()).isEqualTo("dueAt"));
        assertThatThrownBy(() -> assignments.create(course.id(), new Views.AssignmentForm("t", List.of("dense-vs-conv"), now, now.plusSeconds(9), 0, LatePolicy.REFUSE, 0)))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.field()).isEqualTo("maxAttempts"));
        assertThatThrownBy(() -> assignments.create(course.id(), new Views.AssignmentForm("t", List.of("dense-vs-conv"), now, now.plusSeconds(9), 1, LatePolicy.PENALTY, 120)))
                .isInstanceOfSatisfying(ClassroomException.class, e -> assertThat(e.field()).isEqualTo("latePenaltyPercent"));
    }
}

package org.convplay.classroom.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountRepository;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.domain.Assignment;
import org.convplay.classroom.domain.AssignmentRepository;
import org.convplay.classroom.domain.Course;
import org.convplay.classroom.domain.EnrollmentRepository;
import org.convplay.classroom.domain.LatePolicy;
import org.convplay.classroom.domain.Submission;
import org.convplay.classroom.domain.SubmissionRepository;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Text;
import org.convplay.exercise.TextJson;
import org.convplay.exercise.Variant;
import org.convplay.exercise.service.ExerciseService;
import org.convplay.exercise.service.StudentWork;
import org.convplay.exercise.service.TeacherExerciseService;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Assignments: a teacher creates them; a student sees their own variant of each exercise and
 * submits answers. The rules live here: attempts are counted per exercise and only gradable
 * answers use one; nothing is accepted before opening; after the due date answers are refused or
 * penalised as the assignment says; the worked solution is shown only when attempts are used up,
 * the exercise is solved, or the assignment has closed for good.
 */
@Service
public class AssignmentService {

    private final SecureRandom random = new SecureRandom();
    private final AccountService accountService;
    private final AccountRepository accounts;
    private final AssignmentRepository assignments;
    private final SubmissionRepository submissions;
    private final EnrollmentRepository enrollments;
    private final ExerciseService exercises;
    private final TeacherExerciseService teacherExercises;
    private final Access access;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final ExperimentService experiments;
    private Clock clock = Clock.systemUTC();

    AssignmentService(AccountService accountService, AccountRepository accounts, AssignmentRepository assignments,
                      SubmissionRepository submissions, EnrollmentRepository enrollments, ExerciseService exercises,
                      TeacherExerciseService teacherExercises, Access access, ObjectMapper json, ExperimentService experiments,
                      MeterRegistry meters) {
        this.teacherExercises = teacherExercises;
        this.experiments = experiments;
        this.meters = meters;
        // both series from the start, so a fresh server shows 0 rather than nothing
        storedCounter(true);
        storedCounter(false);
        this.accountService = accountService;
        this.enrollments = enrollments;
        this.accounts = accounts;
        this.assignments = assignments;
        this.submissions = submissions;
        this.exercises = exercises;
        this.access = access;
        this.json = json;
    }

    /** For tests that need "after the due date" without waiting for it. */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Views.AssignmentSummary create(long courseId, Views.AssignmentForm form) {
        Course course = access.ownCourse(accountService.requireCurrent(), courseId);
        String title = form.title() == null ? "" : form.title().trim();
        if (title.isEmpty() || title.length() > Assignment.TITLE_MAX) {
            throw new ClassroomException("title", "error.classroom.title", Assignment.TITLE_MAX);
        }
        List<String> ids = form.exerciseIds() == null ? List.of() : form.exerciseIds().stream().distinct().toList();
        if (ids.isEmpty()) {
            throw new ClassroomException("exercises", "error.classroom.noExercise");
        }
        for (String id : ids) {
            // A teacher's own exercise may be given only to that teacher's classes.
            if (!exercises.exists(id) && !teacherExercises.ownedBy(id, course.getTeacher().getId())) {
                throw new ClassroomException("exercises", "error.classroom.unknownExercise", id);
            }
        }
        if (form.opensAt() == null || form.dueAt() == null) {
            throw new ClassroomException("dueAt", "error.classroom.dates");
        }
        if (!form.dueAt().isAfter(form.opensAt())) {
            throw new ClassroomException("dueAt", "error.classroom.dueBeforeOpens");
        }
        if (form.maxAttempts() < 1 || form.maxAttempts() > Assignment.MAX_ATTEMPTS_LIMIT) {
            throw new ClassroomException("maxAttempts", "error.classroom.attempts", Assignment.MAX_ATTEMPTS_LIMIT);
        }
        if (form.latePolicy() == null) {
            throw new ClassroomException("latePolicy", "error.classroom.latePolicy");
        }
        int penalty = form.latePolicy() == LatePolicy.PENALTY ? form.latePenaltyPercent() : 0;
        if (penalty < 0 || penalty > 100) {
            throw new ClassroomException("latePenaltyPercent", "error.classroom.penalty");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        if (form.solutionPolicy() == null) {
            throw new ClassroomException("solutionPolicy", "error.classroom.solutionPolicy");
        }
        Assignment a = assignments.save(new Assignment(course, title, ids, form.opensAt(), form.dueAt(), form.maxAttempts(),
                form.latePolicy(), penalty, HexFormat.of().formatHex(salt), clock.instant()).withSolutionPolicy(form.solutionPolicy()));
        return Mapping.summary(a);
    }

    /** Every assignment of every class the signed-in student joined, soonest due first. */
    @Transactional(readOnly = true)
    public List<Views.StudentAssignmentRow> mine() {
        AccountRef student = accountService.requireCurrent();
        Access.requireRole(student, Role.STUDENT);
        List<Long> courseIds = accountsCourses(student);
        Instant now = clock.instant();
        List<Views.StudentAssignmentRow> rows = new ArrayList<>();
        for (Assignment a : assignments.findByCourseIdInOrderByDueAtAsc(courseIds)) {
            List<Submission> own = submissions.findByAssignmentIdAndStudentIdOrderBySubmittedAtAsc(a.getId(), student.id());
            rows.add(new Views.StudentAssignmentRow(Mapping.summary(a), Mapping.status(a, now), Scores.percent(a, own)));
        }
        return rows;
    }

    private List<Long> accountsCourses(AccountRef student) {
        return access.enrolledCourseIds(student);
    }

    @Transactional(readOnly = true)
    public Views.StudentAssignmentDetail forStudent(long assignmentId) {
        AccountRef student = accountService.requireCurrent();
        Assignment a = access.joinedAssignment(student, assignmentId);
        Instant now = clock.instant();
        Views.Status status = Mapping.status(a, now);
        List<Submission> own = submissions.findByAssignmentIdAndStudentIdOrderBySubmittedAtAsc(a.getId(), student.id());
        List<Views.StudentExercise> list = new ArrayList<>();
        if (status != Views.Status.NOT_OPEN) {
            // The questions stay hidden until the assignment opens.
            for (String id : a.getExerciseIds()) {
                list.add(studentExercise(a, student, id, own, status));
            }
        }
        return new Views.StudentAssignmentDetail(Mapping.summary(a), status, list, Scores.percent(a, own));
    }

    private Views.StudentExercise studentExercise(Assignment a, AccountRef student, String exerciseId, List<Submission> own,
                                                  Views.Status status) {
        Variant v = variant(a, student, exerciseId);
        List<Submission> attempts = own.stream().filter(s -> s.getExerciseId().equals(exerciseId)).toList();
        double best = attempts.stream().mapToDouble(Submission::getScore).max().orElse(0);
        boolean solved = attempts.stream().anyMatch(Submission::isCorrect);
        Submission last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        int left = Math.max(0, a.getMaxAttempts() - attempts.size());
        boolean reveal = revealed(a, attempts.size(), solved, status);
        Exercise e = v.exercise();
        long wrong = attempts.stream().filter(s -> !s.isCorrect()).count();
        List<Text> hints = e.hints().stream().limit(wrong).map(h -> h.fill(v.parameters().asMap())).toList();
        List<org.convplay.exercise.Check> lastChecks = List.of();
        if (last != null) {
            try {
                // Graded again rather than stored: grading is deterministic, and the marks then follow the parts.
                lastChecks = exercises.grade(v, json.readTree(last.getAnswer())).checks();
            } catch (JsonProcessingException ex) {
                lastChecks = List.of();
            }
        }
        String example;
        try {
            example = json.writeValueAsString(e.answerExample());
        } catch (JsonProcessingException ex) {
            example = "{}";
        }
        return new Views.StudentExercise(exerciseId, e.title(), v.prompt(), v.parameters().asMap(), example, attempts.size(), left,
                best, solved, last == null ? null : feedback(last),
                reveal ? v.solution().steps() : null, reveal ? notes(v) : null, e.parts(), hints,
                last == null ? null : last.getAnswer(), lastChecks);
    }

    /** A submission's feedback, to render in the reader's language; rows from before V8 hold theirs as written in both. */
    private static Text feedback(Submission s) {
        return s.getFeedback() != null ? TextJson.read(s.getFeedback()) : Text.literal(s.getFeedbackEn(), s.getFeedbackPt());
    }

    /** Whether the worked solution is shown, by the rule the teacher chose for the assignment. */
    static boolean revealed(Assignment a, int attemptsUsed, boolean solved, Views.Status status) {
        return switch (a.getSolutionPolicy()) {
            case NEVER -> false;
            case AFTER_DUE -> status == Views.Status.LATE || status == Views.Status.CLOSED;
            case AFTER_LAST_ATTEMPT -> attemptsUsed >= a.getMaxAttempts() || solved || status == Views.Status.CLOSED;
        };
    }

    private static Text notes(Variant v) {
        return v.exercise().notes() == null ? null : v.exercise().notes().fill(v.parameters().asMap());
    }

    private Variant variant(Assignment a, AccountRef student, String exerciseId) {
        long seed = Seeds.forStudent(a.getSeedSalt(), student.id(), exerciseId);
        return TeacherExerciseService.isKey(exerciseId) ? teacherExercises.variant(exerciseId, seed) : exercises.variant(exerciseId, seed);
    }

    @Transactional
    public Views.SubmitResult submit(long assignmentId, String exerciseId, String answerText) {
        return submit(assignmentId, exerciseId, answerText, null).result();
    }

    /** A submission's result for the pages, the grade behind it (null when nothing was graded) and its experiment. */
    record Submitted(Views.SubmitResult result, Grade grade, String experimentId) {
    }

    /** Whether the signed-in student may see the worked solution of an exercise of their assignment now (its policy). */
    @Transactional(readOnly = true)
    public boolean solutionShown(long assignmentId, String exerciseId) {
        AccountRef student = accountService.requireCurrent();
        Assignment a = access.joinedAssignment(student, assignmentId);
        List<Submission> attempts = submissions.findByAssignmentIdAndStudentIdOrderBySubmittedAtAsc(a.getId(), student.id()).stream()
                .filter(s -> s.getExerciseId().equals(exerciseId)).toList();
        return a.getExerciseIds().contains(exerciseId)
                && revealed(a, attempts.size(), attempts.stream().anyMatch(Submission::isCorrect), Mapping.status(a, clock.instant()));
    }

    /** The signed-in student's seed for an exercise of their assignment (what a practical's page is opened with). */
    @Transactional(readOnly = true)
    public long seed(long assignmentId, String exerciseId) {
        AccountRef student = accountService.requireCurrent();
        Assignment a = access.joinedAssignment(student, assignmentId);
        if (!a.getExerciseIds().contains(exerciseId)) {
            throw new ClassroomException("exercise", "error.classroom.notInAssignment", exerciseId);
        }
        return Seeds.forStudent(a.getSeedSalt(), student.id(), exerciseId);
    }

    /**
     * Grades and stores one answer; {@code page}, for a practical done on its page, is saved as an experiment the
     * submission links to, but only once the answer is graded (a refused answer leaves nothing behind).
     */
    @Transactional
    Submitted submit(long assignmentId, String exerciseId, String answerText, StudentWork.PageState page) {
        AccountRef student = accountService.requireCurrent();
        Assignment a = access.joinedAssignment(student, assignmentId);
        // One answer at a time per student and class: two sent at once (a double click, two tabs) would otherwise
        // both count the attempts before either is saved, and both be graded on the last one.
        enrollments.lockByCourseIdAndStudentId(a.getCourse().getId(), student.id());
        if (!a.getExerciseIds().contains(exerciseId)) {
            throw new ClassroomException("exercise", "error.classroom.notInAssignment", exerciseId);
        }
        Instant now = clock.instant();
        Views.Status status = Mapping.status(a, now);
        long used = submissions.countByAssignmentIdAndStudentIdAndExerciseId(a.getId(), student.id(), exerciseId);
        int left = (int) Math.max(0, a.getMaxAttempts() - used);
        if (status == Views.Status.NOT_OPEN) {
            return notGraded(Views.Outcome.NOT_OPEN, left, Text.of("classroom.submission.notOpen", a.getOpensAt()));
        }
        if (left == 0) {
            return notGraded(Views.Outcome.NO_ATTEMPTS_LEFT, 0, Text.of("classroom.submission.noAttemptsLeft", a.getMaxAttempts()));
        }
        if (status == Views.Status.CLOSED) {
            return notGraded(Views.Outcome.CLOSED, left, Text.of("classroom.submission.closed", a.getDueAt()));
        }
        if (answerText != null && answerText.length() > Submission.ANSWER_MAX) {
            return notGraded(Views.Outcome.NOT_GRADABLE, left, Text.of("classroom.submission.tooLong", answerText.length(), Submission.ANSWER_MAX));
        }
        JsonNode answer;
        try {
            answer = json.readTree(answerText == null ? "" : answerText);
        } catch (JsonProcessingException e) {
            return notGraded(Views.Outcome.NOT_GRADABLE, left, Text.of("classroom.submission.notJson", e.getOriginalMessage()));
        }
        Variant v = variant(a, student, exerciseId);
        Grade grade = exercises.grade(v, answer);
        if (!grade.gradable()) {
            return notGraded(Views.Outcome.NOT_GRADABLE, left, Text.of("classroom.submission.notGradable", grade.reason()));
        }
        boolean late = status == Views.Status.LATE;
        double score = late ? grade.score() * (100 - a.getLatePenaltyPercent()) / 100.0 : grade.score();
        Text feedback = late ? new Text.Lines(List.of(grade.feedback(), Text.of("classroom.submission.late", a.getLatePenaltyPercent())))
                : grade.feedback();
        Submission saved = new Submission(a, accounts.getReferenceById(student.id()), exerciseId, v.seed(), answer.toString(),
                grade.correct(), grade.score(), score, late, TextJson.write(feedback), now);
        if (page != null && experiments.knows(page.kind())) {
            // every page a practical is done on has an experiment kind; the check stays for pages added later
            String title = v.exercise().title().en() + ": " + student.username() + ", " + a.getTitle();
            Experiment e = experiments.save(new ExperimentService.Draft(title.length() > Experiment.MAX_TITLE
                    ? title.substring(0, Experiment.MAX_TITLE) : title, "", page.kind(), page.request(), page.view(), null,
                    page.images()), null);
            saved.setExperimentId(e.getId());
        }
        submissions.save(saved);
        countStored(grade.correct());
        int leftNow = left - 1;
        boolean solvedBefore = submissions.findByAssignmentIdAndStudentIdOrderBySubmittedAtAsc(a.getId(), student.id()).stream()
                .anyMatch(s -> s.getExerciseId().equals(exerciseId) && s.isCorrect());
        boolean reveal = revealed(a, a.getMaxAttempts() - leftNow, solvedBefore || grade.correct(), status);
        return new Submitted(new Views.SubmitResult(Views.Outcome.GRADED, feedback, grade.correct(), score, late, leftNow,
                reveal ? v.solution().steps() : null, reveal ? notes(v) : null, grade.checks()), grade, saved.getExperimentId());
    }

    private static Submitted notGraded(Views.Outcome outcome, int left, Text message) {
        return new Submitted(refused(outcome, left, message), null, null);
    }

    /** Counts a submission in {@code convplay.submissions.stored} once its transaction has committed. */
    private void countStored(boolean correct) {
        Counter stored = storedCounter(correct);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    stored.increment();
                }
            });
        } else {
            stored.increment();
        }
    }

    private Counter storedCounter(boolean correct) {
        return Counter.builder("convplay.submissions.stored").description("Graded submissions stored")
                .tag("correct", String.valueOf(correct)).register(meters);
    }

    private static Views.SubmitResult refused(Views.Outcome outcome, int left, Text message) {
        return new Views.SubmitResult(outcome, message, false, 0, false, left, null, null, List.of());
    }
}

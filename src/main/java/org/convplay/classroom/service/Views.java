package org.convplay.classroom.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.convplay.classroom.domain.LatePolicy;
import org.convplay.classroom.domain.SolutionPolicy;
import org.convplay.exercise.AnswerPart;
import org.convplay.exercise.Check;
import org.convplay.exercise.Text;

/**
 * What the classroom services hand out: plain records, so pages never touch entities (the
 * persistence context is closed when a service returns).
 */
public final class Views {

    private Views() {
    }

    /** A class; the join code is filled in only for its teacher. */
    public record CourseSummary(long id, String name, String joinCode, String teacherName, int students) {
    }

    public record Person(long id, String username, String displayName) {
    }

    public record CourseDetail(CourseSummary course, List<Person> students, List<AssignmentSummary> assignments) {
    }

    public record AssignmentSummary(long id, long courseId, String courseName, String title, List<String> exerciseIds,
                                    Instant opensAt, Instant dueAt, int maxAttempts, LatePolicy latePolicy,
                                    int latePenaltyPercent, SolutionPolicy solutionPolicy) {
    }

    /** What a teacher fills in to create an assignment. */
    public record AssignmentForm(String title, List<String> exerciseIds, Instant opensAt, Instant dueAt, int maxAttempts,
                                 LatePolicy latePolicy, int latePenaltyPercent, SolutionPolicy solutionPolicy) {

        /** The solution after the last attempt, as before teachers could choose. */
        public AssignmentForm(String title, List<String> exerciseIds, Instant opensAt, Instant dueAt, int maxAttempts,
                              LatePolicy latePolicy, int latePenaltyPercent) {
            this(title, exerciseIds, opensAt, dueAt, maxAttempts, latePolicy, latePenaltyPercent, SolutionPolicy.AFTER_LAST_ATTEMPT);
        }
    }

    public enum Status { NOT_OPEN, OPEN, LATE, CLOSED }

    /** One line of a student's list of assignments. */
    public record StudentAssignmentRow(AssignmentSummary assignment, Status status, double scorePercent) {
    }

    /**
     * One exercise of an assignment as its student sees it: their own variant, the parts of its answer
     * form, attempts and feedback, the hints earned by wrong attempts, and the solution when the
     * assignment's rule shows it (null otherwise).
     */
    public record StudentExercise(String exerciseId, Text title, Text prompt, Map<String, Object> parameters, String answerExample,
                                  int attemptsUsed, int attemptsLeft, double bestScore, boolean solved, Text lastFeedback,
                                  List<Text> solution, Text notes, List<AnswerPart> parts, List<Text> hints,
                                  String lastAnswer, List<Check> lastChecks) {

        public boolean solutionShown() {
            return solution != null;
        }
    }

    public record StudentAssignmentDetail(AssignmentSummary assignment, Status status, List<StudentExercise> exercises,
                                          double scorePercent) {
    }

    public enum Outcome {
        /** Graded and stored: it used an attempt. */
        GRADED,
        /** Malformed answer: not stored, no attempt used; the message says why. */
        NOT_GRADABLE,
        NOT_OPEN, CLOSED, NO_ATTEMPTS_LEFT
    }

    /** @param checks the graded parts, for the marks beside the answer form; empty when not graded */
    public record SubmitResult(Outcome outcome, Text message, boolean correct, double score, boolean late, int attemptsLeft,
                               List<Text> solution, Text notes, List<Check> checks) {
    }

    /** One student's work on one exercise; {@code experimentId} is the page state of their last practical attempt, or null. */
    public record ExerciseGrade(double bestScore, int attempts, boolean late, String experimentId) {
    }

    public record GradeRow(Person student, List<ExerciseGrade> exercises, double totalPercent) {
    }

    /**
     * How the class did on one exercise: every attempt counted, the share answered right, and the wrong
     * answer given most often (its short answers, without the page's state), or null when none was wrong.
     */
    public record ExerciseStats(String exerciseId, int attempts, double correctShare, String commonWrong, int commonWrongCount) {
    }

    public record GradeTable(AssignmentSummary assignment, List<GradeRow> rows, List<ExerciseStats> exercises) {
    }

    public record StudentGradeRow(AssignmentSummary assignment, double scorePercent, int attempts) {
    }

    public record StudentGrades(Person student, CourseSummary course, List<StudentGradeRow> rows) {
    }
}

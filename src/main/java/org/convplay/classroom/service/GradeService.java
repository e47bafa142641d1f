package org.convplay.classroom.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.convplay.account.Account;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.classroom.domain.Assignment;
import org.convplay.classroom.domain.AssignmentRepository;
import org.convplay.classroom.domain.Course;
import org.convplay.classroom.domain.Enrollment;
import org.convplay.classroom.domain.EnrollmentRepository;
import org.convplay.classroom.domain.Submission;
import org.convplay.classroom.domain.SubmissionRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Grade tables for a class's teacher: per assignment (students x exercises), per student, and as CSV. */
@Service
public class GradeService {

    private final AccountService accountService;
    private final AssignmentRepository assignments;
    private final EnrollmentRepository enrollments;
    private final SubmissionRepository submissions;
    private final Access access;

    GradeService(AccountService accountService, AssignmentRepository assignments, EnrollmentRepository enrollments,
                 SubmissionRepository submissions, Access access) {
        this.accountService = accountService;
        this.assignments = assignments;
        this.enrollments = enrollments;
        this.submissions = submissions;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public Views.GradeTable forAssignment(long assignmentId) {
        Assignment a = access.ownAssignment(accountService.requireCurrent(), assignmentId);
        Map<Long, List<Submission>> byStudent = submissions.findByAssignmentId(a.getId()).stream()
                .collect(Collectors.groupingBy(s -> s.getStudent().getId()));
        List<Views.GradeRow> rows = new ArrayList<>();
        for (Enrollment e : enrollments.findByCourseWithStudents(a.getCourse().getId())) {
            Account student = e.getStudent();
            List<Submission> own = byStudent.getOrDefault(student.getId(), List.of());
            List<Views.ExerciseGrade> cells = a.getExerciseIds().stream().map(id -> {
                List<Submission> tries = own.stream().filter(s -> s.getExerciseId().equals(id)).toList();
                String experiment = tries.stream().map(Submission::getExperimentId).filter(java.util.Objects::nonNull)
                        .reduce((first, last) -> last).orElse(null);
                return new Views.ExerciseGrade(Scores.best(own, id), tries.size(), tries.stream().anyMatch(Submission::isLate), experiment);
            }).toList();
            rows.add(new Views.GradeRow(Mapping.person(student), cells, Scores.percent(a, own)));
        }
        List<Submission> all = byStudent.values().stream().flatMap(List::stream).toList();
        List<Views.ExerciseStats> stats = a.getExerciseIds().stream().map(id -> stats(id, all)).toList();
        return new Views.GradeTable(Mapping.summary(a), rows, stats);
    }

    private static final int ANSWER_SHOWN = 200;

    static Views.ExerciseStats stats(String exerciseId, List<Submission> submissions) {
        List<Submission> tries = submissions.stream().filter(s -> s.getExerciseId().equals(exerciseId)).toList();
        long right = tries.stream().filter(Submission::isCorrect).count();
        Map<String, Long> wrong = tries.stream().filter(s -> !s.isCorrect())
                .collect(Collectors.groupingBy(s -> shortAnswer(s.getAnswer()), java.util.TreeMap::new, Collectors.counting()));
        // ties go to the first answer in alphabetical order, so the table is the same on every load
        Map.Entry<String, Long> common = wrong.entrySet().stream()
                .max(java.util.Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElse(null);
        return new Views.ExerciseStats(exerciseId, tries.size(), tries.isEmpty() ? 0 : (double) right / tries.size(),
                common == null ? null : common.getKey(), common == null ? 0 : common.getValue().intValue());
    }

    /** The answer as stored, less the page's state; cut to a readable length. */
    static String shortAnswer(String answer) {
        String shown = answer;
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(answer);
            if (node.isObject()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove(org.convplay.exercise.Exercise.FROM_THE_PAGE);
                shown = node.toString();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // stored answers are JSON; should one not be, it is shown as it is
        }
        return shown.length() <= ANSWER_SHOWN ? shown : shown.substring(0, ANSWER_SHOWN) + "…";
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** One student's grades in one class, for the class's teacher. */
    @Transactional(readOnly = true)
    public Views.StudentGrades forStudent(long courseId, long studentId) {
        AccountRef teacher = accountService.requireCurrent();
        Course c = access.ownCourse(teacher, courseId);
        Enrollment e = enrollments.findByCourseWithStudents(courseId).stream()
                .filter(x -> x.getStudent().getId() == studentId).findFirst()
                .orElseThrow(() -> new AccessDeniedException("this student is not in this class"));
        List<Views.StudentGradeRow> rows = new ArrayList<>();
        for (Assignment a : assignments.findByCourseIdOrderByDueAtAsc(courseId)) {
            List<Submission> own = submissions.findByAssignmentIdAndStudentIdOrderBySubmittedAtAsc(a.getId(), studentId);
            rows.add(new Views.StudentGradeRow(Mapping.summary(a), Scores.percent(a, own), own.size()));
        }
        return new Views.StudentGrades(Mapping.person(e.getStudent()), Mapping.summary(c, true, 0), rows);
    }

    /**
     * The assignment's table as CSV: one row per student, per exercise the best score in percent and
     * the attempts, then the total. Numbers use a dot, whatever the locale, so spreadsheets and
     * scripts read them alike.
     */
    @Transactional(readOnly = true)
    public String csv(long assignmentId) {
        Views.GradeTable t = forAssignment(assignmentId);
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("username", "name"));
        for (String id : t.assignment().exerciseIds()) {
            header.add(id + " %");
            header.add(id + " attempts");
        }
        header.add("total %");
        line(out, header);
        for (Views.GradeRow r : t.rows()) {
            List<String> cells = new ArrayList<>(List.of(r.student().username(), r.student().displayName()));
            for (Views.ExerciseGrade g : r.exercises()) {
                cells.add(percent(g.bestScore() * 100));
                cells.add(Integer.toString(g.attempts()));
            }
            cells.add(percent(r.totalPercent()));
            line(out, cells);
        }
        return out.toString();
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f", p);
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(GradeService::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}

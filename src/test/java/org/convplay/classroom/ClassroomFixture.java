package org.convplay.classroom;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.domain.LatePolicy;
import org.convplay.classroom.domain.SolutionPolicy;
import org.convplay.classroom.service.AssignmentService;
import org.convplay.classroom.service.CourseService;
import org.convplay.classroom.service.Views;
import org.springframework.context.ApplicationContext;

/**
 * "A teacher, a class, its assignments and the students who joined", made through the services as the pages would
 * make them. {@link #in} starts one; {@link Builder#build} leaves the thread acting as the last student who joined.
 */
public final class ClassroomFixture {

    private final AccountService accounts;
    private final CourseService courses;
    private final AssignmentService assignments;
    private final AccountRef teacher;
    private final Views.CourseSummary course;
    private final List<AccountRef> students;
    private final List<Views.AssignmentSummary> made;

    private ClassroomFixture(Builder b, AccountRef teacher, Views.CourseSummary course, List<AccountRef> students,
                             List<Views.AssignmentSummary> made) {
        this.accounts = b.accounts;
        this.courses = b.courses;
        this.assignments = b.assignments;
        this.teacher = teacher;
        this.course = course;
        this.students = students;
        this.made = made;
    }

    public static Builder in(ApplicationContext context) {
        return new Builder(context);
    }

    /** Open since yesterday, due in a week, late answers refused, the solution after the last attempt. */
    public static Views.AssignmentForm openForm(String title, int attempts, SolutionPolicy policy, String... exerciseIds) {
        return new Views.AssignmentForm(title, List.of(exerciseIds), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(7)), attempts, LatePolicy.REFUSE, 0, policy);
    }

    public static Views.AssignmentForm openForm(String title, String... exerciseIds) {
        return openForm(title, 3, SolutionPolicy.AFTER_LAST_ATTEMPT, exerciseIds);
    }

    public AccountRef teacher() {
        return teacher;
    }

    public Views.CourseSummary course() {
        return course;
    }

    /** The first student who joined. */
    public AccountRef student() {
        return students.get(0);
    }

    public AccountRef student(int index) {
        return students.get(index);
    }

    /** The first assignment the builder made. */
    public Views.AssignmentSummary assignment() {
        return made.get(0);
    }

    public Views.AssignmentSummary assignment(int index) {
        return made.get(index);
    }

    /** A further assignment in this class, made by its teacher; leaves the thread acting as the teacher. */
    public Views.AssignmentSummary assign(Views.AssignmentForm form) {
        TestUsers.actAs(teacher);
        return assignments.create(course.id(), form);
    }

    /** Another account, not in this class (same role as the students unless said). */
    public AccountRef outsider(String prefix, Role role) {
        return TestUsers.signUp(accounts, prefix, role);
    }

    /** Joins with the class's code as {@code student}, who then stays the acting user. */
    public void join(AccountRef student, String code) {
        TestUsers.actAs(student);
        courses.join(code);
    }

    public static final class Builder {
        private final AccountService accounts;
        private final CourseService courses;
        private final AssignmentService assignments;
        private String teacherPrefix = "teacher";
        private String className = "Turma";
        private final List<String> studentPrefixes = new ArrayList<>();
        private final List<Views.AssignmentForm> forms = new ArrayList<>();

        private Builder(ApplicationContext context) {
            this.accounts = context.getBean(AccountService.class);
            this.courses = context.getBean(CourseService.class);
            this.assignments = context.getBean(AssignmentService.class);
        }

        /** The prefix of the teacher's username (unique names are made from it). */
        public Builder teacher(String prefix) {
            teacherPrefix = prefix;
            return this;
        }

        public Builder className(String name) {
            className = name;
            return this;
        }

        /** Students who sign up and join with the class's code, in this order (one "student" if none is named). */
        public Builder students(String... prefixes) {
            studentPrefixes.addAll(List.of(prefixes));
            return this;
        }

        public Builder assignment(Views.AssignmentForm form) {
            forms.add(form);
            return this;
        }

        /** An assignment open now with three attempts ({@link #openForm(String, String...)}). */
        public Builder assignment(String title, String... exerciseIds) {
            return assignment(openForm(title, exerciseIds));
        }

        public ClassroomFixture build() {
            AccountRef teacher = TestUsers.signUp(accounts, teacherPrefix, Role.TEACHER);
            List<AccountRef> students = new ArrayList<>();
            for (String prefix : studentPrefixes.isEmpty() ? List.of("student") : studentPrefixes) {
                students.add(TestUsers.signUp(accounts, prefix, Role.STUDENT));
            }
            TestUsers.actAs(teacher);
            Views.CourseSummary course = courses.create(className);
            List<Views.AssignmentSummary> made = new ArrayList<>();
            for (Views.AssignmentForm form : forms) {
                made.add(assignments.create(course.id(), form));
            }
            for (AccountRef student : students) {
                TestUsers.actAs(student);
                courses.join(course.joinCode());
            }
            return new ClassroomFixture(this, teacher, course, List.copyOf(students), List.copyOf(made));
        }
    }
}

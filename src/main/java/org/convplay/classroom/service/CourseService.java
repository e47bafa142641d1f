package org.convplay.classroom.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.convplay.account.Account;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountRepository;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.domain.AssignmentRepository;
import org.convplay.classroom.domain.Course;
import org.convplay.classroom.domain.CourseRepository;
import org.convplay.classroom.domain.Enrollment;
import org.convplay.classroom.domain.EnrollmentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Classes: a teacher creates them and sees who joined; a student joins with the code. */
@Service
public class CourseService {

    /** No 0/O or 1/I/L: codes are read aloud and copied from a board. */
    static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 8;

    private final SecureRandom random = new SecureRandom();
    private final AccountService accountService;
    private final AccountRepository accounts;
    private final CourseRepository courses;
    private final EnrollmentRepository enrollments;
    private final AssignmentRepository assignments;
    private final Access access;

    CourseService(AccountService accountService, AccountRepository accounts, CourseRepository courses,
                  EnrollmentRepository enrollments, AssignmentRepository assignments, Access access) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.courses = courses;
        this.enrollments = enrollments;
        this.assignments = assignments;
        this.access = access;
    }

    @Transactional
    public Views.CourseSummary create(String name) {
        AccountRef teacher = accountService.requireCurrent();
        Access.requireRole(teacher, Role.TEACHER);
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > Course.NAME_MAX) {
            throw new ClassroomException("name", "error.classroom.className", Course.NAME_MAX);
        }
        String code;
        do {
            code = newCode();
        } while (courses.existsByJoinCode(code));
        Account owner = accounts.getReferenceById(teacher.id());
        Course c = courses.save(new Course(trimmed, code, owner, Instant.now()));
        return Mapping.summary(c, true, 0);
    }

    /** A teacher's own classes, or the classes a student joined. */
    @Transactional(readOnly = true)
    public List<Views.CourseSummary> mine() {
        AccountRef who = accountService.requireCurrent();
        if (who.role() == Role.TEACHER) {
            return courses.findByTeacherIdOrderByCreatedAtDesc(who.id()).stream()
                    .map(c -> Mapping.summary(c, true, enrollments.findByCourseWithStudents(c.getId()).size())).toList();
        }
        return enrollments.findByStudentWithCourses(who.id()).stream()
                .map(e -> Mapping.summary(e.getCourse(), false, 0)).toList();
    }

    @Transactional
    public Views.CourseSummary join(String code) {
        AccountRef student = accountService.requireCurrent();
        Access.requireRole(student, Role.STUDENT);
        String normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
        Course c = courses.findByJoinCode(normalized)
                .orElseThrow(() -> new ClassroomException("code", "error.classroom.unknownCode", normalized));
        if (!enrollments.existsByCourseIdAndStudentId(c.getId(), student.id())) {
            enrollments.save(new Enrollment(c, accounts.getReferenceById(student.id()), Instant.now()));
        }
        return Mapping.summary(c, false, 0);
    }

    /** The teacher's page of one class: join code, students and assignments. */
    @Transactional(readOnly = true)
    public Views.CourseDetail detail(long courseId) {
        Course c = access.ownCourse(accountService.requireCurrent(), courseId);
        List<Views.Person> students = enrollments.findByCourseWithStudents(courseId).stream()
                .map(e -> Mapping.person(e.getStudent())).toList();
        List<Views.AssignmentSummary> list = assignments.findByCourseIdOrderByDueAtAsc(courseId).stream().map(Mapping::summary).toList();
        return new Views.CourseDetail(Mapping.summary(c, true, students.size()), students, list);
    }

    private String newCode() {
        StringBuilder s = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            s.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return s.toString();
    }
}

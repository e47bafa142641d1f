package org.convplay.classroom.service;

import org.convplay.account.AccountRef;
import org.convplay.account.Role;
import org.convplay.classroom.domain.Assignment;
import org.convplay.classroom.domain.AssignmentRepository;
import org.convplay.classroom.domain.Course;
import org.convplay.classroom.domain.CourseRepository;
import org.convplay.classroom.domain.EnrollmentRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The classroom's ownership rules in one place: a teacher reaches only their own classes, a
 * student only the classes they joined. Unknown ids and other people's ids get the same answer,
 * so ids cannot be probed.
 */
@Component
class Access {

    private final CourseRepository courses;
    private final AssignmentRepository assignments;
    private final EnrollmentRepository enrollments;

    Access(CourseRepository courses, AssignmentRepository assignments, EnrollmentRepository enrollments) {
        this.courses = courses;
        this.assignments = assignments;
        this.enrollments = enrollments;
    }

    static void requireRole(AccountRef who, Role role) {
        if (who.role() != role) {
            throw new AccessDeniedException("only a " + role.name().toLowerCase(java.util.Locale.ROOT) + " may do this");
        }
    }

    Course ownCourse(AccountRef teacher, long courseId) {
        requireRole(teacher, Role.TEACHER);
        Course c = courses.findById(courseId).orElseThrow(() -> denied());
        if (!c.getTeacher().getId().equals(teacher.id())) {
            throw denied();
        }
        return c;
    }

    Assignment ownAssignment(AccountRef teacher, long assignmentId) {
        requireRole(teacher, Role.TEACHER);
        Assignment a = assignments.findById(assignmentId).orElseThrow(() -> denied());
        if (!a.getCourse().getTeacher().getId().equals(teacher.id())) {
            throw denied();
        }
        return a;
    }

    Assignment joinedAssignment(AccountRef student, long assignmentId) {
        requireRole(student, Role.STUDENT);
        Assignment a = assignments.findById(assignmentId).orElseThrow(() -> denied());
        if (!enrollments.existsByCourseIdAndStudentId(a.getCourse().getId(), student.id())) {
            throw denied();
        }
        return a;
    }

    java.util.List<Long> enrolledCourseIds(AccountRef student) {
        return enrollments.findByStudentWithCourses(student.id()).stream().map(e -> e.getCourse().getId()).toList();
    }

    private static AccessDeniedException denied() {
        return new AccessDeniedException("no such class or assignment, or it is not yours");
    }
}

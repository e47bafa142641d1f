package org.convplay.classroom.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

    boolean existsByCourseIdAndStudentId(Long courseId, Long studentId);

    @Query("select e from Enrollment e join fetch e.student s where e.course.id = ?1 order by s.displayName, s.username")
    List<Enrollment> findByCourseWithStudents(Long courseId);

    @Query("select e from Enrollment e join fetch e.course c where e.student.id = ?1 order by c.name")
    List<Enrollment> findByStudentWithCourses(Long studentId);
}

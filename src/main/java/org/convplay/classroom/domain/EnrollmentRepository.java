package org.convplay.classroom.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

    boolean existsByCourseIdAndStudentId(Long courseId, Long studentId);

    /** The enrollment, locked (SELECT ... FOR UPDATE) until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Enrollment e where e.course.id = ?1 and e.student.id = ?2")
    Optional<Enrollment> lockByCourseIdAndStudentId(Long courseId, Long studentId);

    @Query("select e from Enrollment e join fetch e.student s where e.course.id = ?1 order by s.displayName, s.username")
    List<Enrollment> findByCourseWithStudents(Long courseId);

    @Query("select e from Enrollment e join fetch e.course c where e.student.id = ?1 order by c.name")
    List<Enrollment> findByStudentWithCourses(Long studentId);
}

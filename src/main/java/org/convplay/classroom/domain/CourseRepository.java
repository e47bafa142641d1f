package org.convplay.classroom.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CourseRepository extends JpaRepository<Course, Long> {

    List<Course> findByTeacherIdOrderByCreatedAtDesc(Long teacherId);

    Optional<Course> findByJoinCode(String joinCode);

    boolean existsByJoinCode(String joinCode);
}

package org.convplay.classroom.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AssignmentRepository extends JpaRepository<Assignment, Long> {

    List<Assignment> findByCourseIdOrderByDueAtAsc(Long courseId);

    List<Assignment> findByCourseIdInOrderByDueAtAsc(List<Long> courseIds);
}

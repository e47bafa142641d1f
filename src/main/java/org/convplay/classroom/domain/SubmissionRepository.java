package org.convplay.classroom.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SubmissionRepository extends JpaRepository<Submission, Long> {

    long countByAssignmentIdAndStudentIdAndExerciseId(Long assignmentId, Long studentId, String exerciseId);

    List<Submission> findByAssignmentIdAndStudentIdOrderBySubmittedAtAsc(Long assignmentId, Long studentId);

    List<Submission> findByAssignmentId(Long assignmentId);

    @org.springframework.data.jpa.repository.Query("select distinct s.exerciseId from Submission s where s.student.id = :studentId and s.correct = true")
    List<String> solvedExerciseIds(@org.springframework.data.repository.query.Param("studentId") Long studentId);
}

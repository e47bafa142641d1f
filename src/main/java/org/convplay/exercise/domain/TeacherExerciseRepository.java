package org.convplay.exercise.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeacherExerciseRepository extends JpaRepository<TeacherExercise, Long> {

    Optional<TeacherExercise> findByKey(String key);

    List<TeacherExercise> findByTeacherIdOrderByKeyAsc(long teacherId);
}

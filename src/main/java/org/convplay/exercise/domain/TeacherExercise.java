package org.convplay.exercise.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.convplay.exercise.ExerciseLimits;

/**
 * An exercise a teacher wrote, kept as its YAML text (content stays a file, as the shipped ones),
 * under the key assignments use. Only its teacher's classes can be given it.
 */
@Entity
@Table(name = "teacher_exercise")
public class TeacherExercise {

    public static final int KEY_MAX = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "teacher_id", nullable = false)
    private long teacherId;

    @Column(name = "exercise_key", nullable = false, length = KEY_MAX)
    private String key;

    @Column(nullable = false, length = ExerciseLimits.MAX_FILE_BYTES)
    private String yaml;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TeacherExercise() {
    }

    public TeacherExercise(long teacherId, String key, String yaml, Instant now) {
        this.teacherId = teacherId;
        this.key = key;
        this.yaml = yaml;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void replace(String yaml, Instant now) {
        this.yaml = yaml;
        this.updatedAt = now;
    }

    public long getTeacherId() {
        return teacherId;
    }

    public String getKey() {
        return key;
    }

    public String getYaml() {
        return yaml;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

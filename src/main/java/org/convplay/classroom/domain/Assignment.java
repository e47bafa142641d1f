package org.convplay.classroom.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercises a class must do between two dates, with a number of attempts and a late policy. The
 * seed salt is random per assignment, so students' seeds cannot be worked out from their ids.
 */
@Entity
@Table(name = "assignment")
public class Assignment {

    public static final int TITLE_MAX = 120;
    public static final int MAX_ATTEMPTS_LIMIT = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private Course course;

    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "assignment_exercise", joinColumns = @JoinColumn(name = "assignment_id"))
    @OrderColumn(name = "position")
    @Column(name = "exercise_id", nullable = false, length = 80)
    private List<String> exerciseIds = new ArrayList<>();

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Enumerated(EnumType.STRING)
    @Column(name = "late_policy", nullable = false, length = 16)
    private LatePolicy latePolicy;

    @Column(name = "late_penalty_percent", nullable = false)
    private int latePenaltyPercent;

    @Enumerated(EnumType.STRING)
    @Column(name = "solution_policy", nullable = false, length = 24)
    private SolutionPolicy solutionPolicy = SolutionPolicy.AFTER_LAST_ATTEMPT;

    @Column(name = "seed_salt", nullable = false, length = 64)
    private String seedSalt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Assignment() {
    }

    public Assignment(Course course, String title, List<String> exerciseIds, Instant opensAt, Instant dueAt, int maxAttempts,
                      LatePolicy latePolicy, int latePenaltyPercent, String seedSalt, Instant createdAt) {
        this.course = course;
        this.title = title;
        this.exerciseIds = new ArrayList<>(exerciseIds);
        this.opensAt = opensAt;
        this.dueAt = dueAt;
        this.maxAttempts = maxAttempts;
        this.latePolicy = latePolicy;
        this.latePenaltyPercent = latePenaltyPercent;
        this.seedSalt = seedSalt;
        this.createdAt = createdAt;
    }

    public Assignment withSolutionPolicy(SolutionPolicy policy) {
        this.solutionPolicy = policy;
        return this;
    }

    public SolutionPolicy getSolutionPolicy() {
        return solutionPolicy;
    }

    public Long getId() {
        return id;
    }

    public Course getCourse() {
        return course;
    }

    public String getTitle() {
        return title;
    }

    public List<String> getExerciseIds() {
        return List.copyOf(exerciseIds);
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public LatePolicy getLatePolicy() {
        return latePolicy;
    }

    public int getLatePenaltyPercent() {
        return latePenaltyPercent;
    }

    public String getSeedSalt() {
        return seedSalt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

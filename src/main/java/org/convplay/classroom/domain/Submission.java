package org.convplay.classroom.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.convplay.account.Account;

/**
 * One graded attempt at one exercise of an assignment (PrairieLearn's submission). Only gradable
 * answers are stored, so every row is an attempt; a malformed answer is answered and forgotten.
 * {@code score} is {@code rawScore} after any late penalty.
 */
@Entity
@Table(name = "submission")
public class Submission {

    public static final int ANSWER_MAX = 1_000_000;
    public static final int FEEDBACK_MAX = 100_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assignment_id")
    private Assignment assignment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id")
    private Account student;

    @Column(name = "exercise_id", nullable = false, length = 80)
    private String exerciseId;

    @Column(nullable = false)
    private long seed;

    @Column(nullable = false, length = ANSWER_MAX)
    private String answer;

    @Column(nullable = false)
    private boolean correct;

    @Column(name = "raw_score", nullable = false)
    private double rawScore;

    @Column(nullable = false)
    private double score;

    @Column(nullable = false)
    private boolean late;

    /** The feedback as bundle keys and arguments ({@code TextJson}), rendered in the reader's language. */
    @Column(name = "feedback", length = FEEDBACK_MAX)
    private String feedback;

    /** Rows from before V8 hold their feedback as written in each language; newer rows leave these null. */
    @Column(name = "feedback_en", length = 20_000)
    private String feedbackEn;

    @Column(name = "feedback_pt", length = 20_000)
    private String feedbackPt;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    /** A practical's page state, saved as an experiment; null for other exercises. */
    @Column(name = "experiment_id", length = 32)
    private String experimentId;

    protected Submission() {
    }

    public Submission(Assignment assignment, Account student, String exerciseId, long seed, String answer, boolean correct,
                      double rawScore, double score, boolean late, String feedback, Instant submittedAt) {
        this.assignment = assignment;
        this.student = student;
        this.exerciseId = exerciseId;
        this.seed = seed;
        this.answer = answer;
        this.correct = correct;
        this.rawScore = rawScore;
        this.score = score;
        this.late = late;
        if (feedback.length() > FEEDBACK_MAX) {
            // TextJson cuts long arguments, so this means a text with far more lines than any exercise has parts
            throw new IllegalArgumentException("feedback of " + feedback.length() + " characters, at most " + FEEDBACK_MAX);
        }
        this.feedback = feedback;
        this.submittedAt = submittedAt;
    }

    public Long getId() {
        return id;
    }

    public Assignment getAssignment() {
        return assignment;
    }

    public Account getStudent() {
        return student;
    }

    public String getExerciseId() {
        return exerciseId;
    }

    public long getSeed() {
        return seed;
    }

    public String getAnswer() {
        return answer;
    }

    public boolean isCorrect() {
        return correct;
    }

    public double getRawScore() {
        return rawScore;
    }

    public double getScore() {
        return score;
    }

    public boolean isLate() {
        return late;
    }

    public String getFeedback() {
        return feedback;
    }

    public String getFeedbackEn() {
        return feedbackEn;
    }

    public String getFeedbackPt() {
        return feedbackPt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getExperimentId() {
        return experimentId;
    }

    public void setExperimentId(String experimentId) {
        this.experimentId = experimentId;
    }
}

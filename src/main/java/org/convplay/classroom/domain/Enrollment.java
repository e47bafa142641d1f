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

/** A student's membership of a class. */
@Entity
@Table(name = "enrollment")
public class Enrollment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private Course course;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "student_id")
    private Account student;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected Enrollment() {
    }

    public Enrollment(Course course, Account student, Instant joinedAt) {
        this.course = course;
        this.student = student;
        this.joinedAt = joinedAt;
    }

    public Long getId() {
        return id;
    }

    public Course getCourse() {
        return course;
    }

    public Account getStudent() {
        return student;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }
}

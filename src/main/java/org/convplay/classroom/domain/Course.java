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

/** A class run by one teacher; students join it with its join code. */
@Entity
@Table(name = "course")
public class Course {

    public static final int NAME_MAX = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "join_code", nullable = false, unique = true, length = 16)
    private String joinCode;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "teacher_id")
    private Account teacher;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Course() {
    }

    public Course(String name, String joinCode, Account teacher, Instant createdAt) {
        this.name = name;
        this.joinCode = joinCode;
        this.teacher = teacher;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getJoinCode() {
        return joinCode;
    }

    public Account getTeacher() {
        return teacher;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

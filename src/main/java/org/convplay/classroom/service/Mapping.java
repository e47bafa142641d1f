package org.convplay.classroom.service;

import org.convplay.account.Account;
import org.convplay.classroom.domain.Assignment;
import org.convplay.classroom.domain.Course;
import org.convplay.classroom.domain.LatePolicy;

/** Entities to the records services return; called inside a transaction, where lazy links still load. */
final class Mapping {

    private Mapping() {
    }

    static Views.AssignmentSummary summary(Assignment a) {
        return new Views.AssignmentSummary(a.getId(), a.getCourse().getId(), a.getCourse().getName(), a.getTitle(),
                a.getExerciseIds(), a.getOpensAt(), a.getDueAt(), a.getMaxAttempts(), a.getLatePolicy(), a.getLatePenaltyPercent(),
                a.getSolutionPolicy());
    }

    static Views.CourseSummary summary(Course c, boolean withCode, int students) {
        return new Views.CourseSummary(c.getId(), c.getName(), withCode ? c.getJoinCode() : null,
                c.getTeacher().getDisplayName(), students);
    }

    static Views.Person person(Account a) {
        return new Views.Person(a.getId(), a.getUsername(), a.getDisplayName());
    }

    static Views.Status status(Assignment a, java.time.Instant now) {
        if (now.isBefore(a.getOpensAt())) {
            return Views.Status.NOT_OPEN;
        }
        if (!now.isAfter(a.getDueAt())) {
            return Views.Status.OPEN;
        }
        return a.getLatePolicy() == LatePolicy.PENALTY ? Views.Status.LATE : Views.Status.CLOSED;
    }
}

package org.convplay.classroom.domain;

/** What happens to an answer after the due date: refused, or graded with a penalty. */
public enum LatePolicy {
    REFUSE, PENALTY
}

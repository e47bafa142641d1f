package org.convplay.classroom.domain;

/** When a student of an assignment sees an exercise's worked solution; the teacher chooses per assignment. */
public enum SolutionPolicy {
    /** Once the student's attempts are used up or the answer is right, or when the assignment closes. */
    AFTER_LAST_ATTEMPT,
    /** Once the due date has passed. */
    AFTER_DUE,
    /** Never: the teacher goes through the solutions in class. */
    NEVER
}

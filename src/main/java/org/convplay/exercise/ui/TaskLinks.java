package org.convplay.exercise.ui;

import org.convplay.exercise.Exercise;

/** Where a practical is done: its page with the task in the URL, which the page's {@link TaskBar} reads. */
public final class TaskLinks {

    private TaskLinks() {
    }

    /** Practice: the seed travels in the URL, as on the exercise's own page. */
    public static String practice(Exercise e, long seed) {
        return e.page() + "?task=" + e.id() + "&seed=" + seed;
    }

    /** An assignment: no seed in the URL; the page asks the server for the student's own. */
    public static String assignment(String page, String exerciseId, long assignmentId) {
        return page + "?task=" + exerciseId + "&assignment=" + assignmentId;
    }
}

package org.convplay.exercise.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Text;

/**
 * What the exercise pages need from the classroom, which sits above them: a student's own variant of
 * an assignment's exercise, submitting a practical with its page's state, and which exercises the
 * signed-in student has solved. The classroom implements it, so exercises never name the classroom.
 */
public interface StudentWork {

    /**
     * The signed-in student's seed for this exercise of their assignment: the server's, never the URL's.
     *
     * @throws org.springframework.security.access.AccessDeniedException when the assignment is not theirs
     * @throws IllegalArgumentException when the exercise is not part of it
     */
    long seed(long assignmentId, String exerciseId);

    /** Whether the assignment's solution policy shows the signed-in student this exercise's worked solution now. */
    boolean solutionShown(long assignmentId, String exerciseId);

    /** The page's state as a saved experiment would hold it, with the image files it names by hash. */
    record PageState(String kind, JsonNode request, JsonNode view, List<byte[]> images) {
    }

    /**
     * The outcome of a submission: {@code grade} is null when nothing was graded (not open, closed, no
     * attempts left, malformed); {@code message} says what happened, in both languages; {@code solutionShown}
     * whether the assignment's solution policy lets the student see the worked solution now.
     */
    record Submitted(Grade grade, Text message, int attemptsLeft, String experimentId, boolean solutionShown) {
    }

    /** Grades the answer as an attempt of the assignment and stores it with the page's state as an experiment. */
    Submitted submit(long assignmentId, String exerciseId, JsonNode answer, PageState state);

    /** Ids of the exercises the signed-in student has answered right in any assignment; empty for anyone else. */
    Set<String> solved();
}

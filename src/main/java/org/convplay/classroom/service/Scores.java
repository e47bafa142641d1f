package org.convplay.classroom.service;

import java.util.List;
import org.convplay.classroom.domain.Assignment;
import org.convplay.classroom.domain.Submission;

/** How a grade is made: the best attempt counts for each exercise; the assignment is their mean, in percent. */
final class Scores {

    private Scores() {
    }

    static double best(List<Submission> attempts, String exerciseId) {
        return attempts.stream().filter(s -> s.getExerciseId().equals(exerciseId)).mapToDouble(Submission::getScore).max().orElse(0);
    }

    static double percent(Assignment a, List<Submission> studentsAttempts) {
        List<String> ids = a.getExerciseIds();
        if (ids.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (String id : ids) {
            sum += best(studentsAttempts, id);
        }
        return 100.0 * sum / ids.size();
    }
}

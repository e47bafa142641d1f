package org.convplay.exercise.grading;

import java.util.List;
import org.convplay.exercise.Grader;
import org.convplay.exercise.GraderProvider;

/** The graders of the questions answered in the exercise pages, and of the timing practical. */
public final class ExerciseGraders implements GraderProvider {

    @Override
    public List<Grader> graders() {
        return List.of(new FlipGrader(), new SamePaddingGrader(), new PracticalTimingGrader());
    }
}

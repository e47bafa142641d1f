package org.convplay.image.grading;

import java.util.List;
import org.convplay.exercise.Grader;
import org.convplay.exercise.GraderProvider;

/** The practicals done on the images page, graded on the page's state. */
public final class ImageGraders implements GraderProvider {

    @Override
    public List<Grader> graders() {
        return List.of(new PracticalSameGrader(), new PracticalGrayGrader(), PracticalRgbGrader.oneBand(),
                PracticalRgbGrader.severalBands());
    }
}

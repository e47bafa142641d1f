package org.convplay.exercise.grading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convplay.exercise.Grader;

/** Every grader, by the name exercise files use. Graders are stateless, so one instance each serves all. */
public final class Graders {

    private Graders() {
    }

    public static Map<String, Grader> all() {
        Map<String, Grader> byName = new LinkedHashMap<>();
        for (Grader g : List.of(new DenseVsConvGrader(), new OutputSizeGrader(), new ConvParametersGrader(), new FlipGrader(),
                new SamePaddingGrader(), new PoolingShapeGrader(), new PracticalSameGrader(), new PracticalGrayGrader(),
                PracticalRgbGrader.oneBand(), PracticalRgbGrader.severalBands(), new PracticalTimingGrader())) {
            byName.put(g.name(), g);
        }
        return byName;
    }
}

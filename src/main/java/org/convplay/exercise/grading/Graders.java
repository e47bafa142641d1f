package org.convplay.exercise.grading;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.Grader;
import org.convplay.exercise.Kind;

/** Every grader, by the name exercise files use. Graders are stateless, so one instance each serves all. */
public final class Graders {

    private Graders() {
    }

    public static Map<String, Grader> all() {
        Map<String, Grader> byName = new LinkedHashMap<>();
        for (Grader g : List.of(new FlipGrader(), new SamePaddingGrader(), new PracticalSameGrader(), new PracticalGrayGrader(),
                PracticalRgbGrader.oneBand(), PracticalRgbGrader.severalBands(), new PracticalTimingGrader())) {
            byName.put(g.name(), g);
        }
        return byName;
    }

    /** The grader of an exercise: its formulas for {@code kind: formula}, else the Java grader its file names. */
    public static Grader of(Exercise e, Map<String, Grader> byName) {
        return e.kind() == Kind.FORMULA ? new FormulaGrader(e) : byName.get(e.grader());
    }
}

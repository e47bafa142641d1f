package org.convplay.exercise.grading;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.Grader;
import org.convplay.exercise.GraderProvider;
import org.convplay.exercise.Kind;

/** Every grader, by the name exercise files use. Graders are stateless, so one instance each serves all. */
public final class Graders {

    private Graders() {
    }

    /** Every feature's graders (see {@link GraderProvider}); two with one name would make exercise files ambiguous. */
    public static Map<String, Grader> all() {
        Map<String, Grader> byName = new LinkedHashMap<>();
        // this class's loader, not the thread's: inside the packaged jar only it sees the application's classes
        for (GraderProvider provider : ServiceLoader.load(GraderProvider.class, Graders.class.getClassLoader())) {
            for (Grader g : provider.graders()) {
                Grader earlier = byName.putIfAbsent(g.name(), g);
                if (earlier != null) {
                    throw new IllegalStateException("two graders are named \"" + g.name() + "\": " + earlier.getClass().getName()
                            + " and " + g.getClass().getName());
                }
            }
        }
        return byName;
    }

    /** The grader of an exercise: its formulas for {@code kind: formula}, else the Java grader its file names. */
    public static Grader of(Exercise e, Map<String, Grader> byName) {
        return e.kind() == Kind.FORMULA ? new FormulaGrader(e) : byName.get(e.grader());
    }
}

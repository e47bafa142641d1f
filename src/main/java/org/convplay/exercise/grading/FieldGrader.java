package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convplay.exercise.Check;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Grader;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * A grader whose answer is a few typed fields compared one by one with the computed answer:
 * shapes and whole numbers exactly, numbers within the exercise's relative tolerance, matrices to
 * float32 rounding. Wrong fields are named without giving the right value away.
 */
abstract class FieldGrader implements Grader {

    enum Type { SHAPE, INTEGER, NUMBER, MATRIX }

    /** Matrices are computed in float32 by the engine; answers computed in double may differ by this much. */
    static final double MATRIX_TOLERANCE = 1e-4;

    /** The answer's fields, in the order feedback lists them. */
    abstract Map<String, Type> fields();

    static Map<String, Type> fields(Object... nameTypePairs) {
        Map<String, Type> m = new LinkedHashMap<>();
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            m.put((String) nameTypePairs[i], (Type) nameTypePairs[i + 1]);
        }
        return m;
    }

    @Override
    public Grade grade(Parameters p, Solution solution, JsonNode answer, double tolerance) {
        try {
            Answer.object(answer, String.join(", ", fields().keySet()));
            // Read every field first, so a malformed answer is reported before anything is graded.
            Map<String, Object> given = new LinkedHashMap<>();
            fields().forEach((name, type) -> given.put(name, read(answer, name, type)));
            List<Check> checks = new ArrayList<>();
            for (Map.Entry<String, Type> f : fields().entrySet()) {
                String name = f.getKey();
                JsonNode expected = solution.answer().get(name);
                boolean ok = matches(f.getValue(), given.get(name), expected, tolerance);
                // numbers as the reader's language writes them, anything else as the student sent it
                Object shown = f.getValue() == Type.NUMBER || f.getValue() == Type.INTEGER ? given.get(name) : answer.get(name).toString();
                Text message = ok ? Text.of("grading.part.right", name, shown)
                        : f.getValue() == Type.NUMBER ? Text.of("grading.part.notWithin", name, shown, tolerance * 100)
                        : Text.of("grading.part.wrong", name, shown);
                checks.add(new Check(name, ok, message));
            }
            return Grade.of(checks);
        } catch (Answer.Malformed e) {
            return Grade.notGradable(e.reason());
        }
    }

    private static Object read(JsonNode answer, String name, Type type) {
        return switch (type) {
            case SHAPE -> Answer.shape(answer, "", name);
            case INTEGER -> Answer.integer(answer, "", name);
            case NUMBER -> Answer.number(answer, "", name);
            case MATRIX -> Answer.matrix(answer, "", name);
        };
    }

    static boolean matches(Type type, Object given, JsonNode expected, double tolerance) {
        switch (type) {
            case SHAPE:
                return Arrays.equals((int[]) given, Answer.ints(expected, "expected"));
            case INTEGER:
                return (Long) given == expected.asLong();
            case NUMBER: {
                double want = expected.asDouble();
                return Math.abs((Double) given - want) <= tolerance * Math.abs(want);
            }
            case MATRIX: {
                double[][] g = (double[][]) given;
                if (g.length != expected.size()) {
                    return false;
                }
                for (int y = 0; y < g.length; y++) {
                    if (g[y].length != expected.get(y).size()) {
                        return false;
                    }
                    for (int x = 0; x < g[y].length; x++) {
                        double want = expected.get(y).get(x).asDouble();
                        if (Math.abs(g[y][x] - want) > MATRIX_TOLERANCE * Math.max(1, Math.abs(want))) {
                            return false;
                        }
                    }
                }
                return true;
            }
            default:
                throw new IllegalStateException(type.name());
        }
    }
}

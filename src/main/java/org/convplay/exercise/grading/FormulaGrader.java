package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.convplay.exercise.AnswerPart;
import org.convplay.exercise.Check;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.Formulas;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Grader;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.PartType;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * Grades a {@code kind: formula} exercise: each part's true answer is its formula over the
 * variant's parameters, compared exactly (integers, shapes) or within the part's tolerance
 * (decimals, by default the exercise's); a wrong answer that equals a known wrong formula gets that
 * formula's feedback. Built per exercise, since the formulas live in its file.
 */
public final class FormulaGrader implements Grader {

    private final Exercise exercise;

    public FormulaGrader(Exercise exercise) {
        this.exercise = exercise;
    }

    @Override
    public String name() {
        return "formula";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of();
    }

    /** @throws IllegalArgumentException when a formula cannot be evaluated for these parameters or an integer part is not whole */
    @Override
    public Solution solve(Parameters p) {
        ObjectNode answer = Numbers.object();
        Map<String, Object> shown = new LinkedHashMap<>(p.asMap());
        List<Text> steps = new ArrayList<>();
        for (AnswerPart part : exercise.parts()) {
            switch (part.type()) {
                case CHOICE -> {
                    answer.put(part.name(), part.answer());
                    shown.put(part.name(), choiceLabel(part, part.answer()).en());
                }
                case DECIMAL -> {
                    double v = Formulas.evaluate(part.formula().get(0), p.asMap()).doubleValue();
                    answer.put(part.name(), v);
                    shown.put(part.name(), v);
                }
                case INTEGER -> {
                    long v = whole(part, part.formula().get(0), p);
                    answer.put(part.name(), v);
                    shown.put(part.name(), v);
                }
                case SHAPE -> {
                    ArrayNode a = answer.putArray(part.name());
                    List<String> dims = new ArrayList<>();
                    for (String f : part.formula()) {
                        long v = whole(part, f, p);
                        if (v < 1) {
                            // A size below 1 means the variant makes no sense (a kernel larger than its input): draw again.
                            throw new IllegalArgumentException("part '" + part.name() + "': '" + f + "' gives " + v + ", not a size");
                        }
                        a.add(v);
                        dims.add(Long.toString(v));
                    }
                    shown.put(part.name(), String.join(" x ", dims));
                }
                case MATRIX -> throw new IllegalStateException("the reader refuses matrix parts in formula exercises");
            }
            if (exercise.solution() == null) {
                String how = part.formula().isEmpty() ? "" : " = " + String.join(" x ", part.formula());
                steps.add(Text.of("grading.formula.step", part.label(), how, shown.get(part.name())));
            }
        }
        if (exercise.solution() != null) {
            steps.add(exercise.solution().fill(shown));
        }
        return new Solution(answer, steps);
    }

    private static long whole(AnswerPart part, String formula, Parameters p) {
        BigDecimal v = Formulas.evaluate(formula, p.asMap());
        try {
            return v.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("part '" + part.name() + "': '" + formula + "' gives " + v.toPlainString()
                    + ", not a whole number");
        }
    }

    @Override
    public Grade grade(Parameters p, Solution solution, JsonNode answer, double tolerance) {
        try {
            Answer.object(answer, exercise.parts().stream().map(AnswerPart::name).collect(Collectors.joining(", ")));
            Map<String, Object> given = new LinkedHashMap<>();
            for (AnswerPart part : exercise.parts()) {
                given.put(part.name(), read(answer, part));
            }
            List<Check> checks = new ArrayList<>();
            for (AnswerPart part : exercise.parts()) {
                Object g = given.get(part.name());
                JsonNode expected = solution.answer().get(part.name());
                double tol = part.tolerance() != null ? part.tolerance() : part.type() == PartType.DECIMAL ? tolerance : 0;
                boolean ok = matches(part, g, expected, tol);
                Object shown = show(part, g);
                Text label = part.label();
                Text message = ok ? Text.of("grading.part.right", label, shown)
                        : tol > 0 ? Text.of("grading.part.notWithin", label, shown, tol * 100)
                        : Text.of("grading.part.wrong", label, shown);
                if (!ok) {
                    Text known = knownWrong(part, g, p, tol);
                    if (known != null) {
                        message = Text.of("grading.sentences", message, known.fill(p.asMap()));
                    }
                }
                checks.add(new Check(part.name(), ok, message));
            }
            return Grade.of(checks);
        } catch (Answer.Malformed e) {
            return Grade.notGradable(e.reason());
        }
    }

    private static Object read(JsonNode answer, AnswerPart part) {
        return switch (part.type()) {
            case INTEGER -> (double) Answer.integer(answer, "", part.name());
            case DECIMAL -> Answer.number(answer, "", part.name());
            case SHAPE -> {
                int[] s = Answer.shape(answer, "", part.name());
                if (s.length != part.dims()) {
                    throw Answer.malformed(part.name(), "grading.answer.dims", part.dims(), s.length);
                }
                yield s;
            }
            case CHOICE -> Answer.word(answer, "", part.name());
            case MATRIX -> throw new IllegalStateException("no matrix parts in formula exercises");
        };
    }

    private static boolean matches(AnswerPart part, Object given, JsonNode expected, double tol) {
        return switch (part.type()) {
            case CHOICE -> given.equals(expected.asText());
            case INTEGER, DECIMAL -> close((Double) given, expected.asDouble(), tol);
            case SHAPE -> {
                int[] g = (int[]) given;
                boolean all = g.length == expected.size();
                for (int i = 0; all && i < g.length; i++) {
                    all = close(g[i], expected.get(i).asDouble(), tol);
                }
                yield all;
            }
            case MATRIX -> false;
        };
    }

    private static boolean close(double given, double want, double tol) {
        return tol == 0 ? given == want : Math.abs(given - want) <= tol * Math.abs(want);
    }

    /** The feedback of the first known wrong answer the given answer equals, or null. */
    private static Text knownWrong(AnswerPart part, Object given, Parameters p, double tol) {
        for (AnswerPart.Wrong w : part.wrong()) {
            if (part.type() == PartType.CHOICE) {
                if (given.equals(w.value())) {
                    return w.feedback();
                }
                continue;
            }
            try {
                double[] wrong = new double[w.formula().size()];
                for (int i = 0; i < wrong.length; i++) {
                    wrong[i] = Formulas.evaluate(w.formula().get(i), p.asMap()).doubleValue();
                }
                double[] g = given instanceof int[] s ? Arrays.stream(s).asDoubleStream().toArray() : new double[] {(Double) given};
                boolean same = g.length == wrong.length;
                for (int i = 0; same && i < g.length; i++) {
                    same = close(g[i], wrong[i], tol);
                }
                if (same) {
                    return w.feedback();
                }
            } catch (IllegalArgumentException e) {
                // A known wrong formula that cannot be evaluated for this variant simply does not apply.
            }
        }
        return null;
    }

    /** The given value as feedback shows it: a shape as "98 x 98", a number in the reader's language, a choice by its label. */
    private static Object show(AnswerPart part, Object given) {
        if (given instanceof int[] s) {
            return Arrays.stream(s).mapToObj(Integer::toString).collect(Collectors.joining(" x "));
        }
        if (given instanceof Double) {
            return given;
        }
        return choiceLabel(part, (String) given);
    }

    private static Text choiceLabel(AnswerPart part, String value) {
        return part.choices().stream().filter(c -> c.value().equals(value)).findFirst().map(AnswerPart.Choice::label)
                .orElse(Text.literal(value, value));
    }
}

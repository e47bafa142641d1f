package org.convplay.exercise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws variants. Seed 0 is the exercise's own numbers (the notebook's); any other seed draws every
 * parameter from a random stream fixed by the seed and the exercise id, so a seed always gives the
 * same variant, on any machine. A draw the grader rejects (say, a kernel larger than its input) is
 * replaced by the next draw of the same stream, which keeps that determinism.
 */
public final class Variants {

    /** Draws that a grader may reject in a row before the exercise counts as broken. */
    static final int MAX_DRAWS = 200;

    private Variants() {
    }

    public static Variant draw(Exercise exercise, Grader grader, long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed must not be negative, got " + seed);
        }
        if (seed == 0) {
            Map<String, Object> values = new LinkedHashMap<>();
            exercise.parameters().forEach(p -> values.put(p.name(), p.seed0()));
            Parameters parameters = new Parameters(values);
            try {
                return variant(exercise, grader, seed, parameters);
            } catch (IllegalArgumentException e) {
                throw new BrokenExerciseException(exercise, "its seed-0 parameters " + parameters + " are rejected: " + e.getMessage());
            }
        }
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ exercise.id().hashCode());
        String lastProblem = "";
        for (int attempt = 0; attempt < MAX_DRAWS; attempt++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (ParameterSpec p : exercise.parameters()) {
                values.put(p.name(), p.draw(rng, values));
            }
            try {
                return variant(exercise, grader, seed, new Parameters(values));
            } catch (IllegalArgumentException e) {
                lastProblem = e.getMessage();
            }
        }
        throw new BrokenExerciseException(exercise, MAX_DRAWS + " draws in a row for seed " + seed
                + " were rejected; the last because " + lastProblem);
    }

    private static Variant variant(Exercise exercise, Grader grader, long seed, Parameters parameters) {
        Solution solution = grader.solve(parameters);
        return new Variant(exercise, seed, parameters, exercise.prompt().fill(parameters.asMap()), solution);
    }
}

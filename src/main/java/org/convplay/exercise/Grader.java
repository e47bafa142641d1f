package org.convplay.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Computes the true answer of a variant and grades answers against it. One grader serves every
 * exercise file that names it; files differ in texts and in how parameters are drawn.
 */
public interface Grader {

    /** The name exercise files use in their {@code grader} field. */
    String name();

    /** Parameters every exercise using this grader must declare. */
    Set<String> requiredParameters();

    /**
     * The true answer and its worked steps.
     *
     * @throws IllegalArgumentException (or the engine's ShapeException) when the parameters make no
     *                                  valid variant, e.g. a kernel larger than its input; the
     *                                  variant is then drawn again
     */
    Solution solve(Parameters p);

    /**
     * Grades an answer. A malformed answer (missing field, wrong type) gives
     * {@link Grade#notGradable}, never an exception.
     */
    Grade grade(Parameters p, Solution solution, JsonNode answer, double tolerance);
}

package org.convplay.exercise;

/** One seeded instance of an exercise: its parameters, filled-in prompt and true answer. */
public record Variant(Exercise exercise, long seed, Parameters parameters, Text prompt, Solution solution) {
}

package org.convplay.exercise;

import java.util.List;

/**
 * The graders a feature brings: each feature that has practicals grades them itself (the images page its own), and
 * lists its provider in {@code META-INF/services/org.convplay.exercise.GraderProvider}, so that the exercise files
 * find every grader while this package names no feature.
 */
public interface GraderProvider {

    List<Grader> graders();
}

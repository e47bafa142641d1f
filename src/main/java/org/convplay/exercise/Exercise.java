package org.convplay.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One exercise (a PrairieLearn "question") as read from its file in {@code exercises/}: texts in
 * both languages, how its parameters are drawn, which grader computes the true answer, and the
 * seed-0 reference answer the tests check the grader against.
 *
 * @param tolerance relative tolerance for numeric fields (0.01 = 1%); shapes and integers are exact
 * @param notes     optional text shown with the worked solution (e.g. a correction of the notebook)
 * @param page      for a practical, the page it is done on ({@link #PAGES}); null otherwise
 * @param checklist for a practical, what the grader checks, shown in the page's task bar
 */
public record Exercise(String id, String file, Kind kind, Text title, Text prompt, Text notes, String grader,
                       List<ParameterSpec> parameters, double tolerance, JsonNode reference, JsonNode answerExample,
                       String page, List<ChecklistItem> checklist) {

    /** The pages a practical can be done on: their routes. */
    public static final java.util.Set<String> PAGES = java.util.Set.of("images", "playground", "pipeline", "benchmark");
}

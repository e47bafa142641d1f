package org.convplay.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One exercise (a PrairieLearn "question") as read from its file in {@code exercises/} (or written by
 * a teacher): texts in both languages, how its parameters are drawn, which grader computes the true
 * answer, the parts of its answer form, and the seed-0 reference answer the tests check the grader against.
 *
 * @param grader    the Java grader's name; null for {@code kind: formula}, whose parts carry the formulas
 * @param tolerance relative tolerance for numeric fields (0.01 = 1%); shapes and integers are exact
 * @param notes     optional text shown with the worked solution (e.g. a correction of the notebook)
 * @param parts     the answer form, one field per key of the answer JSON; empty for practical exercises
 *                  whose file has none
 * @param hints     shown one more per wrong attempt
 * @param solution  the worked solution written in the file, or null (the grader's steps are shown then)
 * @param page      for a practical, the page it is done on ({@link #PAGES}); null otherwise
 * @param checklist for a practical, what the grader checks, shown in the page's task bar
 */
public record Exercise(String id, String file, Kind kind, Text title, Text prompt, Text notes, String grader,
                       List<ParameterSpec> parameters, double tolerance, JsonNode reference, JsonNode answerExample,
                       List<AnswerPart> parts, List<Text> hints, Text solution, String page, List<ChecklistItem> checklist) {

    /** The pages a practical can be done on: their routes. */
    public static final java.util.Set<String> PAGES = java.util.Set.of("images", "playground", "pipeline", "benchmark");

    /** Keys of a practical's answer that the page's state fills (the task bar), not the answer form. */
    public static final java.util.Set<String> FROM_THE_PAGE = java.util.Set.of("request", "results", "tried", "picture");

    public Exercise {
        parameters = List.copyOf(parameters);
        parts = List.copyOf(parts);
        hints = List.copyOf(hints);
        checklist = List.copyOf(checklist);
    }

    /** The part with this name (the key in the answer JSON), if the form has one. */
    public java.util.Optional<AnswerPart> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}

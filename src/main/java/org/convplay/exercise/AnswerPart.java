package org.convplay.exercise;

import java.util.List;

/**
 * One part of an answer as the exercise file describes it (its {@code parts:} list): the key it has
 * in the answer JSON, how it is entered and its label. The answer form builds one field per part;
 * for {@code kind: formula} the part also says how its true answer is computed.
 *
 * @param unit      shown beside the field, or null
 * @param dims      how many numbers a shape has (2 for rows x columns); 1 for other types
 * @param choices   the options of a choice part, empty otherwise
 * @param rows      a matrix part's starting size: a number or a parameter's name, null for other types
 * @param formula   formula kind: one EvalEx formula per number (a shape has one per dimension); empty otherwise
 * @param answer    formula kind, choice part: the value that is right
 * @param tolerance relative tolerance, or null for the default (exact for integers and shapes)
 * @param wrong     feedback for known wrong answers
 */
public record AnswerPart(String name, PartType type, Text label, Text unit, int dims, List<Choice> choices, String rows,
                         String cols, List<String> formula, String answer, Double tolerance, List<Wrong> wrong) {

    /** One option of a choice part. */
    public record Choice(String value, Text label) {
    }

    /**
     * A known wrong answer and what to say about it: either formulas (as many as the part's
     * formulas) or, for a choice, the value.
     */
    public record Wrong(List<String> formula, String value, Text feedback) {
    }

    public AnswerPart {
        choices = List.copyOf(choices);
        formula = List.copyOf(formula);
        wrong = List.copyOf(wrong);
    }
}

package org.convplay.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The true answer of a variant, computed by its grader, and the worked steps that lead to it
 * (shown only when the rules allow: after an attempt in practice, when attempts are used up in class).
 */
public record Solution(JsonNode answer, List<Text> steps) {
}

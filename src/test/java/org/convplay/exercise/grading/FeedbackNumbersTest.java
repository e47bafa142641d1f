package org.convplay.exercise.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.shared.Messages;
import org.junit.jupiter.api.Test;

/**
 * Numbers in feedback are written in the reader's language with a sensible number of digits: a 0.07 tolerance is
 * "7%", never {@code 7.000000000000001%} (0.07 * 100 in binary floating point), and a student's decimal keeps its
 * digits with the language's separators.
 */
class FeedbackNumbersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A field grader with one decimal field whose right value is 1000. */
    static final class OneDecimal extends FieldGrader {
        @Override
        Map<String, Type> fields() {
            return fields("ratio", Type.NUMBER, "count", Type.INTEGER);
        }

        @Override
        public String name() {
            return "one-decimal";
        }

        @Override
        public Set<String> requiredParameters() {
            return Set.of();
        }

        @Override
        public Solution solve(Parameters p) {
            return new Solution(JSON.createObjectNode().put("ratio", 1000.0).put("count", 12345), List.of());
        }
    }

    private static Grade grade(String answer) throws Exception {
        OneDecimal g = new OneDecimal();
        Parameters p = new Parameters(Map.of());
        JsonNode a = JSON.readTree(answer);
        return g.grade(p, g.solve(p), a, 0.07);
    }

    @Test
    void aSevenPercentToleranceReadsSevenPercentInBothLanguages() throws Exception {
        assertThat(0.07 * 100).as("the binary noise this guards against").isEqualTo(7.000000000000001);
        Grade g = grade("{\"ratio\": 1234.5, \"count\": 12345}");
        assertThat(g.checks()).extracting(c -> c.correct()).containsExactly(false, true);
        assertThat(g.feedback(Locale.ENGLISH)).isEqualTo("✘ ratio: 1,234.5 is not within 7% of the right value.\n✔ count: 12,345 is right.");
        assertThat(g.feedback(Messages.PORTUGUESE))
                .isEqualTo("✘ ratio: 1.234,5 não está a menos de 7% do valor certo.\n✔ count: 12.345 está certo.");
    }

    @Test
    void aRightDecimalWithinTheToleranceKeepsTheDigitsTheStudentTyped() throws Exception {
        Grade g = grade("{\"ratio\": 1069.123456, \"count\": 12345}");
        assertThat(g.correct()).isTrue();
        assertThat(g.feedback(Locale.ENGLISH)).startsWith("✔ ratio: 1,069.123456 is right.");
        assertThat(g.feedback(Messages.PORTUGUESE)).startsWith("✔ ratio: 1.069,123456 está certo.");
    }

    @Test
    void aMalformedFieldIsNamedInBothLanguages() throws Exception {
        Grade g = grade("{\"ratio\": \"big\", \"count\": 1}");
        assertThat(g.gradable()).isFalse();
        assertThat(g.feedback(Locale.ENGLISH)).isEqualTo("field 'ratio' must be a number, got \"big\"");
        assertThat(g.feedback(Messages.PORTUGUESE)).isEqualTo("o campo 'ratio' deve ser um número, veio \"big\"");
    }
}

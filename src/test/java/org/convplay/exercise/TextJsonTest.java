package org.convplay.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.convplay.shared.Messages;
import org.junit.jupiter.api.Test;

/** Stored texts come back as they were built: keys, arguments of every kind, file texts and lines. */
class TextJsonTest {

    @Test
    void aTextComesBackWithItsArgumentsAndRendersInEitherLanguage() {
        Text label = Text.literal("Reduction", "Redução");
        Text feedback = new Text.Lines(List.of(
                Text.of("grading.check.wrong", Text.of("grading.part.notWithin", label, 1234.5, 7.000000000000001)),
                Text.of("grading.check.right", Text.of("grading.part.right", "count", 12345L)),
                Text.of("classroom.submission.notOpen", Instant.parse("2026-03-01T12:00:00Z")),
                Text.of("grading.timing.ratio", 1.5, 2.0)));
        String json = TextJson.write(feedback);
        assertThat(json).contains("\"key\":\"grading.part.notWithin\"").contains("{\"en\":\"Reduction\",\"pt\":\"Redução\"}")
                .contains("{\"instant\":\"2026-03-01T12:00:00Z\"}");
        Text back = TextJson.read(json);
        for (Locale l : List.of(Locale.ENGLISH, Messages.PORTUGUESE)) {
            assertThat(back.in(l)).isEqualTo(feedback.in(l));
        }
        assertThat(back.in(Locale.ENGLISH)).startsWith("✘ Reduction: 1,234.5 is not within 7% of the right value.\n✔ count: 12,345 is right.\n");
        assertThat(back.in(Messages.PORTUGUESE)).startsWith("✘ Redução: 1.234,5 não está a menos de 7% do valor certo.\n");
        assertThat(back.in(Messages.PORTUGUESE)).endsWith("Razão 1,5: a mediana da cpu sobre a do OpenCV é 2,00.");
    }

    @Test
    void aLongEchoedAnswerIsCutAndAForeignDocumentRefused() {
        String huge = "[" + "1, ".repeat(5_000) + "1]";
        String json = TextJson.write(Text.of("grading.answer.field", "m", Text.of("grading.answer.notMatrix", huge)));
        assertThat(json.length()).isLessThan(TextJson.MAX_STRING + 200);
        assertThat(TextJson.read(json).in(Locale.ENGLISH)).startsWith("field 'm' must be a list of rows of numbers, got [1, 1, ").endsWith("…");
        assertThat(Text.of("grading.image.refused", (Object) null).in(Locale.ENGLISH)).isEqualTo("The page would refuse this state: ");
        assertThatThrownBy(() -> TextJson.read("{\"x\": 1}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a stored text");
        assertThatThrownBy(() -> TextJson.read("{oops")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }
}

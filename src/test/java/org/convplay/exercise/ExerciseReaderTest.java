package org.convplay.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.convplay.exercise.grading.Graders;
import org.junit.jupiter.api.Test;

/** A broken file must say which file, which line and which field, in words an author can act on. */
class ExerciseReaderTest {

    private static final String GOOD = """
            id: tiny
            kind: shape
            grader: output-size
            title: {en: Tiny, pt: Pequeno}
            prompt: {en: "A {h}x{w} input, kernel {k}", pt: "Uma entrada {h}x{w}, kernel {k}"}
            parameters:
              h: {seed0: 5, range: [4, 9]}
              w: {seed0: 5}
              k: {seed0: 3, values: [2, 3]}
            reference: {output: [3, 3]}
            answerExample: {output: [0, 0]}
            parts: [{name: output, type: shape, label: {en: Output, pt: Saída}}]
            """;

    private final ExerciseReader reader = new ExerciseReader(Graders.all());

    private Exercise read(String yaml) {
        return reader.read("tiny.yaml", new StringReader(yaml));
    }

    @Test
    void aGoodFileIsRead() {
        Exercise e = read(GOOD);
        assertThat(e.id()).isEqualTo("tiny");
        assertThat(e.kind()).isEqualTo(Kind.SHAPE);
        assertThat(e.parameters()).extracting(ParameterSpec::name).containsExactly("h", "w", "k");
        assertThat(e.tolerance()).isEqualTo(0.01);
    }

    @Test
    void aMissingFieldIsNamed() {
        assertThatThrownBy(() -> read(GOOD.replace("title: {en: Tiny, pt: Pequeno}\n", "")))
                .isInstanceOf(ExerciseFileException.class)
                .hasMessageContaining("tiny.yaml").hasMessageContaining("field 'title'").hasMessageContaining("required");
    }

    @Test
    void aMissingTranslationIsNamedWithItsLine() {
        assertThatThrownBy(() -> read(GOOD.replace("title: {en: Tiny, pt: Pequeno}", "title: {en: Tiny}")))
                .hasMessageContaining("tiny.yaml, line 4, field 'title.pt'");
    }

    @Test
    void aMisspeltFieldIsRefused() {
        assertThatThrownBy(() -> read(GOOD + "tolerence: 0.1\n"))
                .hasMessageContaining("line 13").hasMessageContaining("'tolerence'").hasMessageContaining("unknown field");
    }

    @Test
    void aPlaceholderMustBeADeclaredParameter() {
        assertThatThrownBy(() -> read(GOOD.replace("kernel {k}\"", "kernel {kk}\"")))
                .hasMessageContaining("field 'prompt'").hasMessageContaining("{kk}");
    }

    @Test
    void theGraderMustExistAndGetItsParameters() {
        assertThatThrownBy(() -> read(GOOD.replace("grader: output-size", "grader: magic")))
                .hasMessageContaining("line 3, field 'grader'").hasMessageContaining("no grader named 'magic'");
        assertThatThrownBy(() -> read(GOOD.replace("  k: {seed0: 3, values: [2, 3]}\n", "")))
                .hasMessageContaining("needs a parameter 'k'");
    }

    @Test
    void theIdMustMatchTheFileName() {
        assertThatThrownBy(() -> read(GOOD.replace("id: tiny", "id: other")))
                .hasMessageContaining("field 'id'").hasMessageContaining("other.yaml");
    }

    @Test
    void aDuplicateKeyAndBadYamlAreReportedWithTheirLine() {
        assertThatThrownBy(() -> read(GOOD + "kind: numeric\n")).hasMessageContaining("line 13").hasMessageContaining("appears twice");
        assertThatThrownBy(() -> read("id: [unclosed\n")).hasMessageContaining("tiny.yaml").hasMessageContaining("not valid YAML");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        assertThatThrownBy(() -> read(GOOD.replace("range: [4, 9]", "range: [4, nine]")))
                .hasMessageContaining("field 'parameters.h.range[1]'").hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> read(GOOD.replace("reference: {output: [3, 3]}", "reference: 3")))
                .hasMessageContaining("field 'reference'");
    }
}

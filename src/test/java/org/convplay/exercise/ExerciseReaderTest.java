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
            grader: same-padding
            title: {en: Tiny, pt: Pequeno}
            prompt: {en: "A {n}x{n} input, kernel {k}", pt: "Uma entrada {n}x{n}, kernel {k}"}
            parameters:
              n: {seed0: 6, range: [4, 9]}
              s: {seed0: 1}
              k: {seed0: 4, values: [2, 4]}
              convention: {seed0: theano}
            reference: {padding: [2, 1, 2, 1], output: [6, 6]}
            answerExample: {padding: [0, 0, 0, 0], output: [0, 0]}
            parts: [{name: padding, type: shape, dims: 4, label: {en: Padding, pt: Padding}}, {name: output, type: shape, label: {en: Output, pt: Saída}}]
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
        assertThat(e.parameters()).extracting(ParameterSpec::name).containsExactly("n", "s", "k", "convention");
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
                .hasMessageContaining("line 14").hasMessageContaining("'tolerence'").hasMessageContaining("unknown field");
    }

    @Test
    void aPlaceholderMustBeADeclaredParameter() {
        assertThatThrownBy(() -> read(GOOD.replace("kernel {k}\"", "kernel {kk}\"")))
                .hasMessageContaining("field 'prompt'").hasMessageContaining("{kk}");
    }

    @Test
    void theGraderMustExistAndGetItsParameters() {
        assertThatThrownBy(() -> read(GOOD.replace("grader: same-padding", "grader: magic")))
                .hasMessageContaining("line 3, field 'grader'").hasMessageContaining("no grader named 'magic'");
        assertThatThrownBy(() -> read(GOOD.replace("  k: {seed0: 4, values: [2, 4]}\n", "")))
                .hasMessageContaining("needs a parameter 'k'");
    }

    @Test
    void theIdMustMatchTheFileName() {
        assertThatThrownBy(() -> read(GOOD.replace("id: tiny", "id: other")))
                .hasMessageContaining("field 'id'").hasMessageContaining("other.yaml");
    }

    @Test
    void aDuplicateKeyAndBadYamlAreReportedWithTheirLine() {
        assertThatThrownBy(() -> read(GOOD + "kind: numeric\n")).hasMessageContaining("line 14").hasMessageContaining("appears twice");
        assertThatThrownBy(() -> read("id: [unclosed\n")).hasMessageContaining("tiny.yaml").hasMessageContaining("not valid YAML");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        assertThatThrownBy(() -> read(GOOD.replace("range: [4, 9]", "range: [4, nine]")))
                .hasMessageContaining("field 'parameters.n.range[1]'").hasMessageContaining("expected an integer");
        assertThatThrownBy(() -> read(GOOD.replace("reference: {padding: [2, 1, 2, 1], output: [6, 6]}", "reference: 3")))
                .hasMessageContaining("field 'reference'");
    }
}

package org.convplay.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A teacher's formula file is refused at upload, with its line and field, for each way a formula can be wrong. */
class FormulaValidationTest {

    static final String GOOD = """
            id: valid-size
            kind: formula
            title: {en: Valid size, pt: Tamanho valid}
            prompt: {en: "A {n}x{n} input and a {k}x{k} kernel.", pt: "Uma entrada {n}x{n} e um kernel {k}x{k}."}
            parameters:
              n: {seed0: 10, range: [5, 20]}
              k: {seed0: 3, values: [3, 5]}
            parts:
              - name: output
                type: shape
                label: {en: Output, pt: Saída}
                formula: ["n - k + 1", "n - k + 1"]
                wrong:
                  - formula: ["n - k + 2", "n - k + 2"]
                    feedback: {en: "The notebook's slip.", pt: "O deslize do notebook."}
              - name: ratio
                type: decimal
                label: {en: Ratio, pt: Razão}
                formula: "n / k"
                tolerance: 0.05
            """;

    private static Exercise read(String yaml) {
        return ExerciseReader.forTeachers().read("mine.yaml", yaml);
    }

    @Test
    void aGoodTeacherFileIsReadWithItsPartsAndNoReferenceNeeded() {
        Exercise e = read(GOOD);
        assertThat(e.kind()).isEqualTo(Kind.FORMULA);
        assertThat(e.grader()).isNull();
        assertThat(e.parts()).extracting(AnswerPart::name).containsExactly("output", "ratio");
        assertThat(e.parts().get(0).formula()).containsExactly("n - k + 1", "n - k + 1");
        assertThat(e.parts().get(0).dims()).isEqualTo(2);
        assertThat(e.parts().get(1).tolerance()).isEqualTo(0.05);
        assertThat(e.answerExample().toString()).isEqualTo("{\"output\":[0,0],\"ratio\":0.0}");
    }

    @Test
    void anUnknownParameterIsNamedWithItsLine() {
        assertThatThrownBy(() -> read(GOOD.replace("formula: \"n / k\"", "formula: \"n / kernel\"")))
                .isInstanceOf(ExerciseFileException.class)
                .hasMessageContaining("mine.yaml, line 19, field 'parts[1].formula'")
                .hasMessageContaining("[kernel]").hasMessageContaining("not a declared parameter");
    }

    @Test
    void aDivisionByZeroAtSeedZeroIsRefused() {
        assertThatThrownBy(() -> read(GOOD.replace("formula: \"n / k\"", "formula: \"n / (k - 3)\"")))
                .hasMessageContaining("line 19").hasMessageContaining("parts[1].formula").hasMessageContaining("Division by zero");
    }

    @Test
    void aFormulaTooLongIsRefused() {
        String longFormula = "n" + " + 1".repeat(ExerciseLimits.MAX_FORMULA_CHARS / 4);
        assertThatThrownBy(() -> read(GOOD.replace("formula: \"n / k\"", "formula: \"" + longFormula + "\"")))
                .hasMessageContaining("line 19").hasMessageContaining("at most " + ExerciseLimits.MAX_FORMULA_CHARS);
    }

    @Test
    void aSyntaxErrorIsRefused() {
        assertThatThrownBy(() -> read(GOOD.replace("[\"n - k + 1\", \"n - k + 1\"]", "[\"n - k + 1\", \"(n - k\"]")))
                .hasMessageContaining("line 12").hasMessageContaining("parts[0].formula[1]").hasMessageContaining("not a formula");
    }

    @Test
    void aShapeMustBeWholeAndAtLeastOneAtSeedZero() {
        assertThatThrownBy(() -> read(GOOD.replace("[\"n - k + 1\", \"n - k + 1\"]", "[\"n / 4\", \"n - k + 1\"]")))
                .hasMessageContaining("parts[0].formula[0]").hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> read(GOOD.replace("[\"n - k + 1\", \"n - k + 1\"]", "[\"k - n\", \"n - k + 1\"]")))
                .hasMessageContaining("parts[0].formula[0]").hasMessageContaining("at least 1");
    }

    @Test
    void aKnownWrongAnswerNeedsAsManyFormulasAsThePart() {
        assertThatThrownBy(() -> read(GOOD.replace("- formula: [\"n - k + 2\", \"n - k + 2\"]", "- formula: \"n - k + 2\"")))
                .hasMessageContaining("parts[0].wrong[0].formula").hasMessageContaining("1 formula(s) for a part of 2");
    }

    @Test
    void teachersMayNotNameJavaGradersOrOtherKinds() {
        assertThatThrownBy(() -> read(GOOD.replace("kind: formula", "kind: shape\ngrader: same-padding")))
                .hasMessageContaining("line 2, field 'kind'").hasMessageContaining("must be kind: formula");
        assertThatThrownBy(() -> read(GOOD.replace("kind: formula", "kind: formula\ngrader: same-padding")))
                .hasMessageContaining("field 'grader'").hasMessageContaining("remove grader");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeParsing() {
        String big = GOOD + "# " + "x".repeat(ExerciseLimits.MAX_FILE_BYTES) + "\n";
        assertThatThrownBy(() -> read(big)).hasMessageContaining("mine.yaml").hasMessageContaining("at most " + ExerciseLimits.MAX_FILE_BYTES);
    }

    @Test
    void tooManyPartsAreRefused() {
        StringBuilder parts = new StringBuilder("parts:\n");
        for (int i = 0; i <= ExerciseLimits.MAX_PARTS; i++) {
            parts.append("  - {name: p").append(i).append(", type: integer, label: {en: P, pt: P}, formula: \"n\"}\n");
        }
        String yaml = GOOD.substring(0, GOOD.indexOf("parts:")) + parts;
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("field 'parts'").hasMessageContaining("at most " + ExerciseLimits.MAX_PARTS);
    }

    @Test
    void wordParametersCanBeComparedInAFormula() {
        String yaml = GOOD.replace("  k: {seed0: 3, values: [3, 5]}", "  k: {seed0: 3, values: [3, 5]}\n  padding: {seed0: same, values: [same, valid]}")
                .replace("[\"n - k + 1\", \"n - k + 1\"]", "['IF(padding == \"same\", n, n - k + 1)', \"n - k + 1\"]");
        Exercise e = read(yaml);
        assertThat(e.parts().get(0).formula().get(0)).contains("padding");
    }
}

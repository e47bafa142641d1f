package org.convplay.exercise;

/** Exercise texts the tests share: a small teacher's exercise, as a teacher would write it. */
public final class SampleExercises {

    /** kind: formula, seed 0 is n = 10, k = 3 (answer 8 x 8); its formulas are on line 12. */
    public static final String QUIZ = """
            id: quiz-size
            kind: formula
            title: {en: Quiz size, pt: Tamanho do quiz}
            prompt: {en: "A {n}x{n} input and a {k}x{k} kernel.", pt: "Uma entrada {n}x{n} e um kernel {k}x{k}."}
            parameters:
              n: {seed0: 10, range: [5, 20]}
              k: {seed0: 3, values: [3, 5]}
            parts:
              - name: output
                type: shape
                label: {en: Output, pt: Saída}
                formula: ["n - k + 1", "n - k + 1"]
            hints:
              - {en: "Count the positions.", pt: "Conte as posições."}
            """;

    private SampleExercises() {
    }
}

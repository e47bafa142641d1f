package org.convplay.exercise.api;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import org.convplay.AppTest;
import org.convplay.exercise.SampleExercises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** POST /api/exercises/validate: anonymous, no CSRF token, nothing stored; 200 with the parsed exercise or 400 with line and field. */
@AppTest
class ExerciseValidateApiTest {


    @Autowired
    MockMvc mvc;

    private ResultActions validate(String yaml, MediaType type) throws Exception {
        return mvc.perform(post("/api/exercises/validate").contentType(type).content(yaml));
    }

    @Test
    void aGoodFormulaExerciseComesBackParsedWithItsSeedZeroParameters() throws Exception {
        validate(SampleExercises.QUIZ, MediaType.parseMediaType("application/yaml"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("quiz-size"))
                .andExpect(jsonPath("$.title.en").value("Quiz size"))
                .andExpect(jsonPath("$.kind").value("formula"))
                .andExpect(jsonPath("$.parts[0].name").value("output"))
                .andExpect(jsonPath("$.parts[0].formula[0]").value("n - k + 1"))
                .andExpect(jsonPath("$.parameters.n").value(10))
                .andExpect(jsonPath("$.parameters.k").value(3))
                .andExpect(jsonPath("$.answer.output[0]").value(8));
    }

    @Test
    void plainTextIsAcceptedAndAShippedFileValidatesToo() throws Exception {
        String shipped = Files.readString(Path.of("exercises", "conv-vs-correlation.yaml"));
        validate(shipped, MediaType.TEXT_PLAIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("conv-vs-correlation"))
                .andExpect(jsonPath("$.parts[0].type").value("MATRIX"));
    }

    @Test
    void aBadFormulaIs400NamingItsLineAndField() throws Exception {
        validate(SampleExercises.QUIZ.replace("\"n - k + 1\", \"n - k + 1\"", "\"n - k + 1\", \"n / (k - 3)\""), MediaType.TEXT_PLAIN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", allOf(containsString("line 12"), containsString("parts[0].formula[1]"),
                        containsString("Division by zero"))));
        validate(SampleExercises.QUIZ.replace("\"n - k + 1\", \"n - k + 1\"", "\"n - k + 1\", \"m - k + 1\""), MediaType.TEXT_PLAIN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", allOf(containsString("line 12"), containsString("[m]"))));
    }

    @Test
    void brokenYamlAndMissingFieldsAre400WithTheirLine() throws Exception {
        validate("id: [unclosed\n", MediaType.TEXT_PLAIN).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("not valid YAML")));
        validate(SampleExercises.QUIZ.replace("title: {en: Quiz size, pt: Tamanho do quiz}\n", ""), MediaType.TEXT_PLAIN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", allOf(containsString("line 1"), containsString("field 'title'"))));
        validate("", MediaType.TEXT_PLAIN).andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").exists());
    }

    @Test
    void aFileOverTheLimitIsRefused() throws Exception {
        String big = SampleExercises.QUIZ + "# " + "x".repeat(70 * 1024) + "\n";
        validate(big, MediaType.TEXT_PLAIN).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("at most 65536")));
    }
}

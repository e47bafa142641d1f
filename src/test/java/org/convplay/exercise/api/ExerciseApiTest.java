package org.convplay.exercise.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.convplay.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The exercises API as an outside tool sees it: anonymous, no CSRF token, the contract of docs/api.md. */
@AppTest
class ExerciseApiTest {

    @Autowired
    MockMvc mvc;

    private ResultActions check(String id, String body) throws Exception {
        return mvc.perform(post("/api/exercises/" + id + "/check").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void listsTheExercisesWithIdTitleAndKind() throws Exception {
        mvc.perform(get("/api/exercises"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()", greaterThanOrEqualTo(12)))
                .andExpect(jsonPath("$[*].id", hasItem("dense-vs-conv")))
                .andExpect(jsonPath("$[?(@.id == 'dense-vs-conv')].kind", hasItem("formula")))
                .andExpect(jsonPath("$[?(@.id == 'dense-vs-conv')].title", hasItem("Dense layer versus convolution")));
    }

    @Test
    void seedZeroIsTheNotebooksVariantAndPortugueseOnRequest() throws Exception {
        mvc.perform(get("/api/exercises/dense-vs-conv").param("seed", "0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("dense-vs-conv"))
                .andExpect(jsonPath("$.seed").value(0))
                .andExpect(jsonPath("$.parameters.n").value(100))
                .andExpect(jsonPath("$.parameters.k").value(3))
                .andExpect(jsonPath("$.prompt", containsString("100x100")))
                .andExpect(jsonPath("$.parts[0].name").value("output"))
                .andExpect(jsonPath("$.parts[0].type").value("SHAPE"));
        mvc.perform(get("/api/exercises/dense-vs-conv").header("Accept-Language", "pt-BR,pt;q=0.9"))
                .andExpect(jsonPath("$.prompt", containsString("Uma imagem")));
    }

    @Test
    void theCorrectedAnswerIsAcceptedWithoutACsrfToken() throws Exception {
        check("dense-vs-conv", "{\"seed\": 0, \"answer\": {\"output\": [98, 98], \"denseParameters\": 96049604,"
                + " \"convParameters\": 10, \"reduction\": 9604960}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.correct").value(true))
                .andExpect(jsonPath("$.gradable").value(true))
                .andExpect(jsonPath("$.feedback", containsString("right")))
                .andExpect(jsonPath("$.solution.notes", containsString("99x99")));
    }

    @Test
    void theNotebooksNinetyNineIsRefused() throws Exception {
        check("dense-vs-conv", "{\"seed\": 0, \"answer\": {\"output\": [99, 99], \"denseParameters\": 96049604,"
                + " \"convParameters\": 10, \"reduction\": 9604960}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.correct").value(false))
                .andExpect(jsonPath("$.feedback", containsString("99 x 99 is not right")))
                .andExpect(jsonPath("$.checks[0].field").value("output"))
                .andExpect(jsonPath("$.feedback", containsString("slip")));
    }

    @Test
    void feedbackComesInTheRequestsLanguageWithItsNumbers() throws Exception {
        String body = "{\"seed\": 0, \"answer\": {\"output\": [98, 98], \"denseParameters\": 96049604,"
                + " \"convParameters\": 10, \"reduction\": 1234.5}}";
        check("dense-vs-conv", body)
                .andExpect(jsonPath("$.feedback", containsString("✘ Reduction (dense / conv): 1,234.5 is not within 1% of the right value.")))
                .andExpect(jsonPath("$.checks[3].message", containsString("1,234.5 is not within 1%")));
        mvc.perform(post("/api/exercises/dense-vs-conv/check").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "fr,pt;q=0.9"))
                .andExpect(jsonPath("$.feedback", containsString("✘ Redução (densa / conv): 1.234,5 não está a menos de 1% do valor certo.")))
                .andExpect(jsonPath("$.feedback", containsString("✔ Parâmetros da camada densa: 96.049.604 está certo.")));
        mvc.perform(post("/api/exercises/dense-vs-conv/check").param("lang", "pt-BR").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seed\": 0, \"answer\": {\"output\": [98, 98]}}"))
                .andExpect(jsonPath("$.feedback").value("o campo 'denseParameters' está faltando"));
    }

    @Test
    void aMalformedAnswerIsNotGradableWithTheReason() throws Exception {
        check("dense-vs-conv", "{\"seed\": 0, \"answer\": {\"output\": [98, 98]}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.correct").value(false))
                .andExpect(jsonPath("$.gradable").value(false))
                .andExpect(jsonPath("$.feedback", containsString("denseParameters")))
                .andExpect(jsonPath("$.solution").doesNotExist());
    }

    @Test
    void malformedRequestsAre400AndUnknownExercises404() throws Exception {
        check("dense-vs-conv", "{\"answer\": {}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("seed")));
        check("dense-vs-conv", "{\"seed\": \"zero\", \"answer\": {}}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("seed")));
        check("dense-vs-conv", "{\"seed\": 0}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("answer")));
        check("dense-vs-conv", "{not json").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").exists());
        check("no-such-exercise", "{\"seed\": 0, \"answer\": {}}").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error", containsString("no-such-exercise")));
        mvc.perform(get("/api/exercises/no-such-exercise")).andExpect(status().isNotFound()).andExpect(jsonPath("$.error").exists());
        mvc.perform(get("/api/exercises/dense-vs-conv").param("seed", "-3")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("seed")));
    }

    @Test
    void otherSeedsGiveOtherNumbersAndTheirOwnAnswer() throws Exception {
        mvc.perform(get("/api/exercises/output-size-stride").param("seed", "7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seed").value(7))
                .andExpect(jsonPath("$.prompt", not(containsString("{"))));
    }
}

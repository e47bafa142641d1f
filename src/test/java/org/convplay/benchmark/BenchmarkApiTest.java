package org.convplay.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.convplay.ApiSliceTest;
import org.convplay.engine.EngineRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** POST /api/benchmark: a row per available engine, OpenCV among them, each checked against the reference. */
@ApiSliceTest
class BenchmarkApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    EngineRegistry engines;

    @Test
    void everyAvailableEngineGetsARowWithTimesAndASmallError() throws Exception {
        String json = mvc.perform(post("/api/benchmark").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"size\": 48, \"kernel\": 3, \"channels\": 3, \"filters\": 4, \"repeats\": 3}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode results = mapper.readTree(json).get("results");
        List<String> backends = new ArrayList<>();
        for (JsonNode row : results) {
            String backend = row.get("backend").asText();
            if (backend.equals("opencv copies")) { // OpenCV's copies between Java and native memory: no arithmetic
                assertThat(row.get("medianMillis").asDouble()).as(row.toString()).isPositive();
                assertThat(row.get("gflops").isNull()).as(row.toString()).isTrue();
                continue;
            }
            backends.add(backend);
            assertThat(row.get("medianMillis").asDouble()).as(row.toString()).isPositive();
            assertThat(row.get("gflops").asDouble()).as(row.toString()).isPositive();
            assertThat(row.get("maxAbsError").asDouble()).as(row.toString()).isLessThan(1e-4);
        }
        List<String> expected = new ArrayList<>(engines.names());
        expected.add("opencv dnn"); // OpenCV's own call alone, as its users see it, beside the engine's row
        assertThat(backends).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(backends).contains("reference", "cpu", "opencv");
        assertThat(mapper.readTree(json).get("machine").get("cores").asInt()).isPositive();
    }

    @Test
    void sizesOverTheLimitsAndUnknownFieldsAreRefused() throws Exception {
        mvc.perform(post("/api/benchmark").contentType(MediaType.APPLICATION_JSON).content("{\"size\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("size must be between 1 and")));
        mvc.perform(post("/api/benchmark").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"size\": 256, \"kernel\": 31, \"channels\": 64, \"filters\": 64}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("GFLOP")));
        mvc.perform(post("/api/benchmark").contentType(MediaType.APPLICATION_JSON).content("{\"sizes\": 10}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("unknown field \"sizes\"")));
    }
}

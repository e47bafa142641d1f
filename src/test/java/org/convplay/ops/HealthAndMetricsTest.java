package org.convplay.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the proxy, compose and Prometheus read, without a login: health with its liveness and readiness groups (the
 * database in readiness) and the Prometheus page with the playground's own series; nothing else of the actuator.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:health;DB_CLOSE_DELAY=-1",
    // only here, to see which checks readiness holds; the application shows no details
    "management.endpoint.health.show-components=always"})
@AutoConfigureMockMvc
class HealthAndMetricsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void healthAndItsGroupsAnswerWithoutALoginAndReadinessChecksTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.readinessState.status").value("UP"));
    }

    @Test
    void prometheusShowsConvolutionTimesPerEngineAndKindRequestsSessionsAndSubmissions() throws Exception {
        mvc.perform(post("/api/convolve").contentType(MediaType.APPLICATION_JSON)
                .content("{\"input\": [[1, 2, 3], [4, 5, 6], [7, 8, 9]], \"kernel\": [[0, 1], [1, 0]]}")).andExpect(status().isOk());
        mvc.perform(post("/api/convolve").contentType(MediaType.APPLICATION_JSON)
                .content("{\"input\": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]], \"kernel\": [[[[1]], [[1]]], [[[1]], [[-1]]]]}"))
                .andExpect(status().isOk());
        String page = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("convplay_convolution_seconds_count\\{engine=\"[a-z-]+\",kind=\"single\"} 1")
                .containsPattern("convplay_convolution_seconds_count\\{engine=\"[a-z-]+\",kind=\"layer\"} 1")
                .contains("http_server_requests_seconds_count{", "uri=\"/api/convolve\"")
                .contains("convplay_vaadin_sessions ", "convplay_vaadin_uis ")
                .contains("convplay_submissions_stored_total{correct=\"true\"} 0.0");
    }

    @Test
    void noOtherActuatorEndpointIsOpen() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/heapdump"}) {
            int code = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            assertThat(code).as(path).isNotEqualTo(200);
        }
    }
}

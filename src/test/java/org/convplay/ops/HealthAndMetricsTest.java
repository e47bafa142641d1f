package org.convplay.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the proxy, compose and Prometheus read, without a login: health with its liveness and readiness groups (the
 * database in readiness) and the Prometheus page with the playground's own series; nothing else of the actuator.
 */
// Not @AppTest: it counts metrics from zero (one convolution, no submissions), which a shared context has moved on
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:health;DB_CLOSE_DELAY=-1",
    // only here, to see which checks readiness holds; the application shows no details
    "management.endpoint.health.show-components=always"})
// tests get no metrics exporter unless they ask: this one is about the Prometheus page
@AutoConfigureObservability
class HealthAndMetricsTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void convolve(String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/convolve"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void healthAndItsGroupsAnswerWithoutALoginAndReadinessChecksTheDatabase() throws Exception {
        assertThat(get("/actuator/health")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"status\":\"UP\"");
        });
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\":{\"status\":\"UP\"", "\"readinessState\":{\"status\":\"UP\"");
    }

    @Test
    void prometheusShowsConvolutionTimesPerEngineAndKindRequestsSessionsAndSubmissions() throws Exception {
        convolve("{\"input\": [[1, 2, 3], [4, 5, 6], [7, 8, 9]], \"kernel\": [[0, 1], [1, 0]]}");
        convolve("{\"input\": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]], \"kernel\": [[[[1]], [[1]]], [[[1]], [[-1]]]]}");
        HttpResponse<String> page = get("/actuator/prometheus");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsPattern("convplay_convolution_seconds_count\\{engine=\"[a-z-]+\",kind=\"single\"} 1")
                .containsPattern("convplay_convolution_seconds_count\\{engine=\"[a-z-]+\",kind=\"layer\"} 1")
                .contains("http_server_requests_seconds_count{", "uri=\"/api/convolve\"")
                .contains("convplay_vaadin_sessions ", "convplay_vaadin_uis ")
                .contains("convplay_submissions_stored_total{correct=\"true\"} 0.0");
    }

    @Test
    void noOtherActuatorEndpointIsOpen() throws Exception {
        for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/heapdump"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isNotEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain("propertySources", "\"beans\"", "\"names\"");
        }
    }
}

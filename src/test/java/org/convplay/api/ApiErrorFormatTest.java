package org.convplay.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.convplay.AppTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every 4xx and 5xx under /api is {@code {"error": "..."}} JSON, whoever answers it: our controllers, Spring MVC
 * (405, 406, 415, unknown paths), Spring Security (401) or Tomcat itself (a path it cannot decode). Sent over a real
 * socket to the real server, so that nothing between the client and the controllers is skipped.
 */
@AppTest
class ApiErrorFormatTest {

    static final String JSON = "Content-Type: application/json\r\n";
    static final String CONVOLVE = "{\"input\": [[1,2],[3,4]], \"kernel\": [[1]]}";

    @LocalServerPort
    int port;

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of(401, "GET", "/api/classroom/assignments/1/grades", "", null, "sign in"),
                Arguments.of(403, "DELETE", "/api/experiments/%s", "Cookie: cp-browser=someone-else-entirely\r\n", null, ""),
                Arguments.of(404, "GET", "/api/no-such-endpoint", "", null, "/api/no-such-endpoint"),
                Arguments.of(404, "GET", "/api/experiments/doesnotexist", "", null, ""),
                Arguments.of(404, "GET", "/api/exercises/no-such-exercise", "", null, ""),
                Arguments.of(405, "PUT", "/api/convolve", JSON, CONVOLVE, "PUT"),
                Arguments.of(405, "GET", "/api/convolve", "", null, "GET"),
                Arguments.of(406, "POST", "/api/convolve", JSON + "Accept: image/png\r\n", CONVOLVE, ""),
                Arguments.of(415, "POST", "/api/convolve", "Content-Type: text/plain\r\n", CONVOLVE, "application/json"),
                Arguments.of(400, "GET", "/api/%", "", null, "malformed request"),
                Arguments.of(400, "GET", "/api/%zz/x", "", null, "malformed request"),
                Arguments.of(400, "POST", "/api/convolve", JSON, "{\"input\": [[1,2]", "malformed JSON"),
                Arguments.of(400, "POST", "/api/convolve", JSON, "", "malformed JSON"),
                Arguments.of(400, "POST", "/api/convolve", JSON, "[".repeat(5000) + "]".repeat(5000), "nesting depth"),
                Arguments.of(400, "POST", "/api/convolve", JSON, "{\"input\": [[1" + "0".repeat(200) + "]], \"kernel\": [[1]]}",
                        "Number value length"),
                Arguments.of(400, "POST", "/api/convolve", JSON, "{\"input\": \"nope\", \"kernel\": [[1]]}", "input"),
                Arguments.of(400, "GET", "/api/exercises/practical-gray?seed=abc", "", null, "seed"),
                Arguments.of(413, "POST", "/api/convolve", JSON + "Content-Length: 999999999999\r\n", null, "limit"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("errors")
    void answersJsonWithAnError(int status, String method, String path, String headers, String body, String mentions) throws Exception {
        if (path.contains("%s")) {
            path = path.formatted(savedExperiment());
        }
        RawHttp response = RawHttp.send(port, method, path, headers, body);
        assertThat(response.status()).as(response.headers() + "\n" + response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(response.headers()).startsWith("application/json");
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.size()).as(response.body()).isEqualTo(1);
        assertThat(json.path("error").asText()).as(response.body()).isNotBlank().contains(mentions);
    }

    @ParameterizedTest(name = "{0} /error")
    @MethodSource("accepts")
    void errorAskedForDirectlyIsNotA500(String accept) throws Exception {
        RawHttp response = RawHttp.send(port, "GET", "/error", accept, null);
        assertThat(response.status()).as(response.body()).isEqualTo(404);
    }

    static Stream<String> accepts() {
        return Stream.of("", "Accept: application/json\r\n", "Accept: text/html\r\n");
    }

    private String savedExperiment() throws Exception {
        RawHttp saved = RawHttp.send(port, "POST", "/api/experiments", JSON,
                "{\"title\": \"mine\", \"request\": {\"input\": [[1]], \"layers\": [{\"type\": \"relu\"}]}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return new ObjectMapper().readTree(saved.body()).get("id").asText();
    }
}

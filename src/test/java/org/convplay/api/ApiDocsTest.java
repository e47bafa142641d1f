package org.convplay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.convplay.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API reference served at /v3/api-docs covers every endpoint our controllers map (read from Spring's own
 * handler mapping, not a list kept here), anonymous visitors reach it and the Swagger UI, and its examples are
 * what the API answers.
 */
@AppTest
class ApiDocsTest {

    /** Response fields that change from run to run or machine to machine: not compared with the examples. */
    static final Set<String> VOLATILE = Set.of("millis", "backend", "id", "url");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    final ObjectMapper json = new ObjectMapper();

    JsonNode apiDocs() throws Exception {
        MvcResult r = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)).andReturn();
        return json.readTree(r.getResponse().getContentAsString());
    }

    /** "METHOD path" for every handler method of every @RestController under org.convplay. */
    Set<String> controllerEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Class<?> type = e.getValue().getBeanType();
            if (!type.getPackageName().startsWith("org.convplay") || !type.isAnnotationPresent(RestController.class)) {
                continue;
            }
            for (String path : e.getKey().getPatternValues()) {
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    endpoints.add(method.name() + " " + path);
                }
            }
        }
        return endpoints;
    }

    @Test
    void theApiDocsListEveryEndpointOfEveryControllerAndNothingElse() throws Exception {
        Set<String> expected = controllerEndpoints();
        // the controllers of the convolution, pipeline, benchmark, exercise, experiment and classroom APIs at least
        assertThat(expected).contains("POST /api/convolve", "POST /api/pipeline", "POST /api/benchmark",
                "POST /api/exercises/{id}/check", "POST /api/experiments", "GET /embed/{id}")
                .anyMatch(e -> e.contains("/api/classroom/"));
        Set<String> documented = new TreeSet<>();
        JsonNode paths = apiDocs().path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey()));
        }
        // exactly ours: nothing a library maps (Hilla's /connect) passes for part of this API
        assertThat(documented).isEqualTo(expected);
    }

    @Test
    void aVisitorWithoutAnAccountReadsTheDocsAndTheSwaggerUi() throws Exception {
        assertThat(apiDocs().path("info").path("title").asText()).isEqualTo("Convolution Playground API");
        String target = mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(target).contains("/swagger-ui/index.html");
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("swagger-ui")));
        mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/convolve:")));
    }

    @Test
    void everyJsonExampleIsJsonAndEveryDocumentedRequestExampleGivesItsDocumentedAnswer() throws Exception {
        JsonNode paths = apiDocs().path("paths");
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode requests = op.getValue().path("requestBody").path("content").path("application/json").path("examples");
                assertJsonExamples(where + " request", requests);
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    assertJsonExamples(where + " " + r.getKey(), r.getValue().path("content").path("application/json").path("examples"));
                }
                for (Iterator<Map.Entry<String, JsonNode>> ex = requests.fields(); ex.hasNext(); ) {
                    Map.Entry<String, JsonNode> example = ex.next();
                    String label = where + " example '" + example.getKey() + "'";
                    String uri = path.getKey().replace("{id}", "dense-vs-conv");
                    MvcResult result = mvc.perform(request(HttpMethod.valueOf(op.getKey().toUpperCase()), uri)
                            .contentType(MediaType.APPLICATION_JSON).content(example.getValue().path("value").toString()))
                            .andReturn();
                    int code = result.getResponse().getStatus();
                    if (code != 200 && code != 201) {
                        problems.add(label + " got " + code + ": " + result.getResponse().getContentAsString());
                        continue;
                    }
                    JsonNode answer = op.getValue().path("responses").path(String.valueOf(code)).path("content")
                            .path("application/json").path("examples").path(example.getKey()).path("value");
                    if (!answer.isMissingNode()) {
                        JsonNode actual = json.readTree(result.getResponse().getContentAsString());
                        if (!withoutVolatile(actual).equals(withoutVolatile(answer))) {
                            problems.add(label + " answers " + actual + "\n  but the docs say " + answer);
                        }
                        checked.add(label);
                    }
                }
            }
        }
        assertThat(problems).as("examples that are not what the API answers").isEmpty();
        assertThat(checked).as("examples compared with the API's answer")
                .anyMatch(l -> l.startsWith("POST /api/convolve"))
                .anyMatch(l -> l.startsWith("POST /api/pipeline"))
                .anyMatch(l -> l.startsWith("POST /api/exercises/{id}/check"));
    }

    /** springdoc parses a JSON example into JSON; one left as a string did not parse. */
    private static void assertJsonExamples(String where, JsonNode examples) {
        examples.fields().forEachRemaining(e ->
                assertThat(e.getValue().path("value").isContainerNode()).as(where + " example '" + e.getKey() + "' is JSON: "
                        + e.getValue().path("value")).isTrue());
    }

    private static JsonNode withoutVolatile(JsonNode node) {
        JsonNode copy = node.deepCopy();
        if (copy instanceof ObjectNode o) {
            o.remove(VOLATILE);
        }
        return copy;
    }
}

package org.convplay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.convplay.AppTest;
import org.convplay.Fuzz;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Random and mutated JSON bodies for the API's POST endpoints: a valid request with values replaced by others of any
 * JSON type and size, keys dropped or added, or its text cut and spliced. Whatever comes, the answer is a 2xx, or a
 * 4xx with {@code {"error": ...}}; never a 500.
 */
@AppTest
class ApiJsonFuzzTest {

    static final String CONVOLVE = "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"kernel\": [[1,0],[0,-1]], \"padding\": \"same\","
            + " \"stride\": 1, \"dilation\": 1, \"flip\": true, \"groups\": 1, \"bias\": [0.5], \"convention\": \"theano\"}";
    static final String PIPELINE = "{\"input\": [[0,0,0],[0,1,0],[0,0,0]], \"convention\": \"theano\", \"layers\": ["
            + "{\"type\": \"conv2d\", \"filters\": 2, \"size\": 3, \"init\": \"glorot_uniform\", \"seed\": 0, \"padding\": \"same\","
            + " \"stride\": 1, \"useBias\": true}, {\"type\": \"relu\"}, {\"type\": \"maxpool2d\", \"size\": 2, \"padding\": \"same\"}]}";
    static final String EXPERIMENT = "{\"title\": \"fuzz\", \"description\": \"d\", \"kind\": \"pipeline\", \"request\": "
            + PIPELINE + ", \"view\": {\"tab\": 1}}";
    static final String CHECK = "{\"seed\": 3, \"answer\": {\"request\": {\"input\": [[0, 0], [0, 0]], \"kernel\": [[0]],"
            + " \"padding\": \"valid\"}, \"shape\": [1, 1], \"output\": [[1, 2]], \"denseParameters\": 1}}";
    static final String[] EXERCISES = {"practical-gray", "practical-rgb", "practical-same", "dense-vs-conv",
        "output-size-stride", "same-padding-conventions", "conv-vs-correlation", "pooling-shape"};

    /** Any JSON value, from the awkward corners: huge, negative, fractional, wrong types, ragged or empty lists. */
    static final String[] VALUES = {"null", "true", "false", "0", "-1", "1", "2", "-0.0", "0.5", "3", "255", "256", "65",
        "1025", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e308", "-1e308", "1e-320", "\"\"",
        "\"same\"", "\"valid\"", "\"full\"", "\"theano\"", "\"nope\"", "\"NaN\"", "\"Infinity\"", "NaN", "Infinity", "[]",
        "[[]]", "[[[]]]", "[1]", "[[1,2],[3]]", "[[1,2],[3,4]]", "[[[1]]]", "[[[[1,2],[3,4]]]]", "[[null]]", "[[\"a\"]]",
        "{}", "{\"type\": \"relu\"}", "[{\"type\": \"conv2d\"}]", "[{}]", "[1,2,3]", "[0,0]", "[-1,-1]"};

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

    @Autowired
    MockMvc mvc;

    static Stream<Arguments> requests() {
        return Fuzz.cases(23, 1000, ApiJsonFuzzTest::request);
    }

    static String[] request(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> new String[] {"/api/convolve", mutate(r, CONVOLVE)};
            case 1 -> new String[] {"/api/pipeline", mutate(r, PIPELINE)};
            case 2 -> new String[] {"/api/experiments", mutate(r, EXPERIMENT)};
            default -> new String[] {"/api/exercises/" + Fuzz.oneOf(r, EXERCISES) + "/check", mutate(r, CHECK)};
        };
    }

    @ParameterizedTest(name = "case {index}")
    @MethodSource("requests")
    void neverA500(String[] request) throws Exception {
        String path = request[0];
        String body = request[1];
        MockHttpServletResponse response = mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " " + body + "\n" + response.getContentAsString()).isLessThan(500);
        if (response.getStatus() >= 400) {
            assertThat(MAPPER.readTree(response.getContentAsString()).path("error").asText()).as(path + " " + body).isNotBlank();
        }
    }

    /** Mostly tree edits (they get past the JSON parser into our code), sometimes a cut and splice of the text. */
    static String mutate(Random r, String valid) {
        if (r.nextInt(5) == 0) {
            return Fuzz.splice(r, valid, "[]{},:\"0123456789.-e truefalsn\\", 20);
        }
        try {
            JsonNode root = MAPPER.readTree(valid);
            for (int edits = 1 + r.nextInt(4); edits > 0; edits--) {
                List<Object[]> slots = new ArrayList<>();
                collect(root, slots);
                if (slots.isEmpty()) {
                    break;
                }
                Object[] slot = slots.get(r.nextInt(slots.size()));
                JsonNode value = MAPPER.readTree(value(r));
                int op = r.nextInt(3);
                if (slot[0] instanceof ObjectNode o) {
                    String key = (String) slot[1];
                    switch (op) {
                        case 0 -> o.set(key, value);
                        case 1 -> o.remove(key);
                        default -> o.set(key + "x", value);
                    }
                } else if (slot[0] instanceof ArrayNode a) {
                    int index = (Integer) slot[1];
                    switch (op) {
                        case 0 -> a.set(index, value);
                        case 1 -> a.remove(index);
                        default -> a.insert(index, value);
                    }
                }
            }
            return MAPPER.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String value(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> Double.toString((r.nextDouble() - 0.5) * 2e6);
            case 1 -> Integer.toString(r.nextInt(306) - 5);
            case 2 -> MAPPER.getNodeFactory().textNode(Fuzz.text(r, "abcdefgh ijklmnop-_.0123456789", 12)).toString();
            default -> Fuzz.oneOf(r, VALUES);
        };
    }

    /** Every (container, key or index) pair under {@code node}. */
    private static void collect(JsonNode node, List<Object[]> slots) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(k -> slots.add(new Object[] {o, k}));
            o.elements().forEachRemaining(child -> collect(child, slots));
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Object[] {a, i});
                collect(a.get(i), slots);
            }
        }
    }
}

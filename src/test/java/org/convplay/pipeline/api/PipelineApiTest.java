package org.convplay.pipeline.api;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.convplay.ApiSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** POST /api/pipeline: the notebook's one-layer network under two conventions, and bad layers. */
@ApiSliceTest
class PipelineApiTest {

    @Autowired
    MockMvc mvc;

    ResultActions run(String body) throws Exception {
        return mvc.perform(post("/api/pipeline").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** 11x11 zeros with a 1 at (5,5); conv 3x3 same with weights 1..9; max pooling 2x2 same. */
    static String notebookModel(String convention) {
        StringBuilder rows = new StringBuilder("[");
        for (int y = 0; y < 11; y++) {
            rows.append(y == 0 ? "[" : ",[");
            for (int x = 0; x < 11; x++) {
                rows.append(x == 0 ? "" : ",").append(y == 5 && x == 5 ? 1 : 0);
            }
            rows.append(']');
        }
        rows.append(']');
        return "{\"input\": " + rows + ", \"convention\": \"" + convention + "\", \"layers\": ["
                + "{\"type\": \"conv2d\", \"kernel\": [[[[1,2,3],[4,5,6],[7,8,9]]]], \"bias\": [0], \"padding\": \"same\"},"
                + "{\"type\": \"maxpool2d\", \"size\": 2, \"padding\": \"same\"}]}";
    }

    @Test
    void theNotebooksNetworkUnderTensorflowPoolsFromRowZero() throws Exception {
        // correlation puts w[2-j][2-i] at (4+j, 4+i); pool windows {0,1},{2,3},{4,5},{6,7}...:
        // (2,2) = max(9,8,6,5), (2,3) = max(7,4), (3,2) = max(3,2), (3,3) = 1
        run(notebookModel("tensorflow"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shapes").value(org.hamcrest.Matchers.contains(
                        org.hamcrest.Matchers.contains(1, 11, 11), org.hamcrest.Matchers.contains(1, 6, 6))))
                .andExpect(jsonPath("$.output[0][2][2]").value(9.0))
                .andExpect(jsonPath("$.output[0][2][3]").value(7.0))
                .andExpect(jsonPath("$.output[0][3][2]").value(3.0))
                .andExpect(jsonPath("$.output[0][3][3]").value(1.0))
                .andExpect(jsonPath("$.output[0][1][1]").value(0.0))
                .andExpect(jsonPath("$.parameters[0]").value(10))
                .andExpect(jsonPath("$.totalParameters").value(10));
    }

    @Test
    void theNotebooksNetworkUnderTheanoFlipsAndPoolsFromRowMinusOne() throws Exception {
        // the flipped kernel puts w[j][i] at (4+j, 4+i); pool windows {-1,0},{1,2},{3,4},{5,6}...:
        // (2,2) = 1, (2,3) = max(2,3), (3,2) = max(4,7), (3,3) = max(5,6,8,9)
        run(notebookModel("theano"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.output[0][2][2]").value(1.0))
                .andExpect(jsonPath("$.output[0][2][3]").value(3.0))
                .andExpect(jsonPath("$.output[0][3][2]").value(7.0))
                .andExpect(jsonPath("$.output[0][3][3]").value(9.0));
    }

    @Test
    void glorotWeightsAreMadeFromASeedWithTheLayersShape() throws Exception {
        String body = "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"layers\": [{\"type\": \"conv2d\", \"filters\": 4, \"size\": 3, "
                + "\"seed\": 7, \"padding\": \"same\"}, {\"type\": \"relu\"}, {\"type\": \"avgpool2d\", \"size\": [3, 3]}]}";
        String first = run(body).andExpect(status().isOk())
                .andExpect(jsonPath("$.shapes[0]").value(org.hamcrest.Matchers.contains(4, 3, 3)))
                .andExpect(jsonPath("$.shapes[2]").value(org.hamcrest.Matchers.contains(4, 1, 1)))
                .andExpect(jsonPath("$.parameters[0]").value(4 * 9 + 4))
                .andReturn().getResponse().getContentAsString();
        run(body).andExpect(content().json(first.replaceAll(",\"millis\":[0-9.E-]+", "")));
    }

    @Test
    void aLayerThatDoesNotFitIsNamedWithItsIndex() throws Exception {
        run("{\"input\": [[1,2],[3,4]], \"layers\": [{\"type\": \"relu\"}, {\"type\": \"conv2d\", \"kernel\": [[1,1,1],[1,1,1],[1,1,1]]}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("layers[1] (conv2d)")));
        run("{\"input\": [[1]], \"layers\": [{\"type\": \"dropout\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("layers[0]: unknown type \"dropout\"")));
        run("{\"input\": [[1,2],[3,4]], \"convention\": \"pytorch\", \"layers\": [{\"type\": \"maxpool2d\", \"size\": 2, \"padding\": \"same\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("layers[0]")));
        run("{\"input\": [[1]]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("layers is required")));
    }
}

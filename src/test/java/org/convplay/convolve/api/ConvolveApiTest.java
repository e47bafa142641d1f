package org.convplay.convolve.api;

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

/** POST /api/convolve against the contract in docs/api.md. */
@ApiSliceTest
class ConvolveApiTest {

    static final String NOTEBOOK_INPUT = "[[1,1,1,0,0],[0,1,1,1,0],[0,0,1,1,1],[0,0,1,1,0],[0,1,1,0,0]]";
    static final String X_KERNEL = "[[1,0,1],[0,1,0],[1,0,1]]";

    @Autowired
    MockMvc mvc;

    ResultActions convolve(String body) throws Exception {
        return mvc.perform(post("/api/convolve").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void theNotebooksExampleInValidGivesTheNotebooksAnswer() throws Exception {
        convolve("{\"input\": " + NOTEBOOK_INPUT + ", \"kernel\": " + X_KERNEL + ", \"padding\": \"valid\"}")
                .andExpect(status().isOk())
                .andExpect(content().json("{\"output\": [[4.0,3.0,4.0],[2.0,4.0,3.0],[2.0,3.0,4.0]], \"shape\": [3,3], \"padding\": [0,0,0,0]}"))
                .andExpect(jsonPath("$.backend").isString())
                .andExpect(jsonPath("$.millis").isNumber());
    }

    @Test
    void anAsymmetricKernelTellsCorrelationFromConvolution() throws Exception {
        String body = "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"kernel\": [[1,2],[3,4]], \"flip\": %s}";
        // correlation, by hand: 1*1+2*2+4*3+5*4 = 37, 2+6+15+24 = 47, 4+10+21+32 = 67, 5+12+24+36 = 77
        convolve(body.formatted("false")).andExpect(content().json("{\"output\": [[37.0,47.0],[67.0,77.0]]}"));
        // convolution uses the kernel turned 180 degrees, [[4,3],[2,1]]: 4+6+8+5 = 23, 33, 53, 63
        convolve(body.formatted("true")).andExpect(content().json("{\"output\": [[23.0,33.0],[53.0,63.0]]}"));
    }

    @Test
    void samePaddingKeepsTheSizeAndReportsThePadding() throws Exception {
        convolve("{\"input\": " + NOTEBOOK_INPUT + ", \"kernel\": " + X_KERNEL + ", \"padding\": \"same\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shape[0]").value(5))
                .andExpect(jsonPath("$.padding[0]").value(1))
                // top-left corner: only in[0][0], in[1][1] fall under the kernel's 1s -> 1 + 1
                .andExpect(jsonPath("$.output[0][0]").value(2.0));
    }

    @Test
    void multiChannelInputsTakeFourDimensionalKernelsAndBias() throws Exception {
        convolve("{\"input\": [[[1,2],[3,4]], [[10,20],[30,40]]], \"kernel\": [[[[1]],[[1]]], [[[0]],[[2]]]], \"bias\": [0.5, -1]}")
                .andExpect(status().isOk())
                .andExpect(content().json("{\"output\": [[[11.5,22.5],[33.5,44.5]], [[19.0,39.0],[59.0,79.0]]], \"shape\": [2,2,2]}"));
    }

    @Test
    void raggedRowsAreRefusedNamingTheRow() throws Exception {
        convolve("{\"input\": [[1,2,3],[4,5]], \"kernel\": [[1]]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("input[1] has 2 value(s), expected 3")));
    }

    @Test
    void nonNumbersAndNanAreRefusedNamingTheCell() throws Exception {
        convolve("{\"input\": [[1,\"a\"]], \"kernel\": [[1]]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("input[0][1]")));
        convolve("{\"input\": [[1,2]], \"kernel\": [[NaN]]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("kernel[0][0] is NaN")));
    }

    @Test
    void anEmptyMatrixIsRefused() throws Exception {
        convolve("{\"input\": [], \"kernel\": [[1]]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("input is empty")));
    }

    @Test
    void aKernelLargerThanThePaddedInputIsRefusedWithTheSizes() throws Exception {
        convolve("{\"input\": [[1,2],[3,4]], \"kernel\": " + X_KERNEL + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("kernel (3) is larger than the padded input (2 + 0 + 0 = 2)")));
    }

    @Test
    void anInputOverTheLimitIsRefusedAsTooLarge() throws Exception {
        StringBuilder row = new StringBuilder("[");
        for (int i = 0; i < 4100; i++) {
            row.append(i == 0 ? "" : ",").append('0');
        }
        row.append(']');
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 1025; i++) {
            rows.append(i == 0 ? "" : ",").append(row);
        }
        rows.append(']');
        convolve("{\"input\": " + rows + ", \"kernel\": [[1]]}")
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.error", containsString("the limit")));
    }

    @Test
    void malformedJsonUnknownFieldsAndBadOptionsAreNamed() throws Exception {
        convolve("{\"input\": [[1]], ").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("malformed JSON")));
        convolve("{\"input\": [[1]], \"kernel\": [[1]], \"strides\": 2}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("unknown field \"strides\"")));
        convolve("{\"input\": [[1]], \"kernel\": [[1]], \"padding\": \"sometimes\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("unknown padding 'sometimes'")));
        convolve("{\"input\": [[1]], \"kernel\": [[1]], \"stride\": 0}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("stride must be between 1")));
        convolve("{\"input\": [[1]], \"kernel\": [[1]], \"border\": \"mirror\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("unknown border 'mirror'")));
        convolve("{\"input\": [[1]], \"kernel\": [[1]], \"backend\": \"gpu9000\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("backend 'gpu9000' is not available")));
    }

    @Test
    void theServerKeepsServingAfterBadRequests() throws Exception {
        convolve("not json").andExpect(status().isBadRequest());
        convolve("{\"input\": " + NOTEBOOK_INPUT + ", \"kernel\": " + X_KERNEL + "}").andExpect(status().isOk());
    }

    @Test
    void conventionsDecideWhereTheOddRowOfSameGoes() throws Exception {
        String body = "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"kernel\": [[1,0],[0,0]], \"padding\": \"same\", "
                + "\"convention\": \"%s\", \"border\": \"zero\"}";
        // TensorFlow pads after: each window starts at its own cell, and the kernel picks that cell
        convolve(body.formatted("tensorflow"))
                .andExpect(content().json("{\"output\": [[1.0,2.0,3.0],[4.0,5.0,6.0],[7.0,8.0,9.0]], \"padding\": [0,1,0,1]}"));
        // OpenCV's anchor pads before: each window starts one up and one left
        convolve(body.formatted("opencv"))
                .andExpect(content().json("{\"output\": [[0.0,0.0,0.0],[0.0,1.0,2.0],[0.0,4.0,5.0]], \"padding\": [1,0,1,0]}"));
    }

    @Test
    void aConventionsDefaultsYieldToExplicitFields() throws Exception {
        // OpenCV keeps the size and reflects (REFLECT_101) by default: (-1,-1) reads (1,1), (-1,0) reads (1,0)
        convolve("{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"kernel\": [[1,0],[0,0]], \"convention\": \"opencv\"}")
                .andExpect(content().json("{\"output\": [[5.0,4.0,5.0],[2.0,1.0,2.0],[5.0,4.0,5.0]]}"));
        // Theano flips by default; flip=false given explicitly wins
        String theano = "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"kernel\": [[1,2],[3,4]], \"convention\": \"theano\"%s}";
        convolve(theano.formatted("")).andExpect(content().json("{\"output\": [[23.0,33.0],[53.0,63.0]]}"));
        convolve(theano.formatted(", \"flip\": false")).andExpect(content().json("{\"output\": [[37.0,47.0],[67.0,77.0]]}"));
    }

    @Test
    void anUnknownConventionOrAStridedPytorchSameIsRefused() throws Exception {
        convolve("{\"input\": [[1]], \"kernel\": [[1]], \"convention\": \"caffe\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("caffe")));
        convolve("{\"input\": [[1,2],[3,4]], \"kernel\": [[1]], \"convention\": \"pytorch\", \"padding\": \"same\", \"stride\": 2}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("stride 1")));
    }

    @Test
    void theTfLayoutReadsChannelsLastAndWritesTheOutputTheSameWay() throws Exception {
        // out = channel 0 + 10 * channel 1, written once channels-first and once channels-last
        convolve("{\"input\": [[[1,2,3],[4,5,6]], [[7,8,9],[10,11,12]]], \"kernel\": [[[[1]],[[10]]]]}")
                .andExpect(content().json("{\"output\": [[[71.0,82.0,93.0],[104.0,115.0,126.0]]], \"shape\": [1,2,3]}"));
        convolve("{\"layout\": \"tf\", \"input\": [[[1,7],[2,8],[3,9]], [[4,10],[5,11],[6,12]]], \"kernel\": [[[[1],[10]]]]}")
                .andExpect(content().json("{\"output\": [[[71.0],[82.0],[93.0]],[[104.0],[115.0],[126.0]]], \"shape\": [2,3,1]}"));
        convolve("{\"layout\": \"nhwc\", \"input\": [[1]], \"kernel\": [[1]]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error", containsString("unknown layout")));
    }
}

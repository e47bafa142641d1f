package org.convplay.convolve.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convplay.convolve.ConvolutionRequest;
import org.convplay.convolve.ConvolutionResult;
import org.convplay.convolve.ConvolutionService;
import org.convplay.convolve.NdArray;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/convolve} as specified in shared/spec/api.md. */
@RestController
public class ConvolveController {

    private final ConvolutionService service;

    ConvolveController(ConvolutionService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/convolve", consumes = "application/json", produces = "application/json")
    Map<String, Object> convolve(@RequestBody JsonNode body) {
        ConvolutionRequest request = ConvolveJson.read(body);
        ConvolutionResult result = service.convolve(request);
        Map<String, Object> out = new LinkedHashMap<>();
        NdArray output = NdArray.of(result.output(), request.matrixOutput());
        if (request.channelsLast() && output.rank() == 3) {
            output = output.transpose(1, 2, 0);
        }
        out.put("output", nested(output));
        out.put("shape", output.shape());
        out.put("padding", result.plan().pads().toArray());
        out.put("backend", result.backend());
        out.put("millis", result.millis());
        return out;
    }

    /** Nested lists of floats, so Jackson writes the float32 values in their shortest form. */
    public static Object nested(NdArray a) {
        return level(a, 0, new int[] {0});
    }

    private static Object level(NdArray a, int depth, int[] next) {
        int n = a.shape()[depth];
        if (depth == a.rank() - 1) {
            float[] row = new float[n];
            for (int i = 0; i < n; i++) {
                row[i] = (float) a.values()[next[0]++];
            }
            return row;
        }
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) {
            items[i] = level(a, depth + 1, next);
        }
        return items;
    }
}

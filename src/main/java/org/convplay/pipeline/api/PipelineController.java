package org.convplay.pipeline.api;

import org.convplay.shared.JsonArrays;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convplay.shared.NdArray;
import org.convplay.pipeline.PipelineJson;
import org.convplay.pipeline.PipelineService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/pipeline} as docs/api.md specifies it, with parameter counts. */
@RestController
class PipelineController {

    private final PipelineService service;

    PipelineController(PipelineService service) {
        this.service = service;
    }

    @Operation(summary = "Run a small Sequential model, layer by layer",
            description = "layers: conv2d (kernel F x C x kh x kw with bias, or filters, size, init glorot_uniform | zeros | "
                    + "ones and seed, plus the fields of /api/convolve), maxpool2d and avgpool2d (size, stride, padding), "
                    + "relu, sigmoid, tanh, linear. Every layer follows the request's convention.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = {
        @ExampleObject(name = "known-weights", summary = "An impulse through a 2x2 conv (same, Theano) and 2x2 max pooling", value = """
                {"input": [[0,0,0],[0,1,0],[0,0,0]], "convention": "theano",
                 "layers": [{"type": "conv2d", "kernel": [[[[1,2],[3,4]]]], "bias": [0.5], "padding": "same"},
                            {"type": "relu"},
                            {"type": "maxpool2d", "size": 2, "padding": "same"}]}"""),
        @ExampleObject(name = "notebook", summary = "The notebook's network: glorot_uniform weights from a seed", value = """
                {"input": [[0,0,0],[0,1,0],[0,0,0]], "convention": "theano",
                 "layers": [{"type": "conv2d", "filters": 1, "size": 3, "init": "glorot_uniform", "seed": 0, "padding": "same"},
                            {"type": "maxpool2d", "size": 2, "padding": "same"}]}""")}))
    @ApiResponse(responseCode = "200", description = "The last layer's output, every layer's shape [C, H, W] and parameter count",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "known-weights", value = """
                    {"output": [[[0.5,0.5],[0.5,4.5]]], "shapes": [[1,3,3],[1,3,3],[1,2,2]], "parameters": [5,0,0],
                     "totalParameters": 5, "backend": "cpu", "millis": 0.4}""")))
    @ApiResponse(responseCode = "400", description = "A layer or field is wrong; the message names it",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"error": "layers[0]: unknown type \\"conv9d\\": expected conv2d, maxpool2d, avgpool2d, relu, sigmoid, tanh or linear"}""")))
    @PostMapping(path = "/api/pipeline", consumes = "application/json", produces = "application/json")
    Map<String, Object> run(@RequestBody JsonNode body) {
        PipelineJson.Request request = PipelineJson.read(body);
        PipelineService.Run run = service.run(request.pipeline(), request.input(), request.backend());
        Map<String, Object> out = new LinkedHashMap<>();
        NdArray output = NdArray.of(run.result().output(), false);
        out.put("output", JsonArrays.nested(request.channelsLast() ? output.transpose(1, 2, 0) : output));
        // shapes stay [C, H, W] as docs/api.md defines them, whatever the layout
        out.put("shapes", run.result().shapes());
        out.put("parameters", request.pipeline().parametersPerLayer());
        out.put("totalParameters", request.pipeline().parameters());
        out.put("backend", run.backend());
        out.put("millis", run.millis());
        return out;
    }
}

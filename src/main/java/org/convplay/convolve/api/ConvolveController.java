package org.convplay.convolve.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convplay.convolve.ConvolutionRequest;
import org.convplay.convolve.ConvolutionResult;
import org.convplay.convolve.ConvolutionService;
import org.convplay.shared.JsonArrays;
import org.convplay.shared.NdArray;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/convolve} as docs/api.md specifies it. */
@RestController
public class ConvolveController {

    private final ConvolutionService service;

    ConvolveController(ConvolutionService service) {
        this.service = service;
    }

    @Operation(summary = "Convolve one input with one kernel",
            description = "input H x W or C x H x W; kernel kh x kw or F x C/groups x kh x kw (OIHW); optional bias [F]; "
                    + "padding valid | same | full | half | [top, bottom, left, right]; stride and dilation n or [y, x]; "
                    + "groups; flip (true convolution); border zero | reflect | symmetric | replicate | wrap; convention "
                    + "theano | tensorflow | pytorch | opencv | scipy | scipy-ndimage sets the defaults and where 'same' puts "
                    + "an odd row; backend picks an engine. Fields given win over the convention (docs/conventions.md).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = {
        @ExampleObject(name = "notebook", summary = "The notebook's 5x5 input and X kernel, valid", value = """
                {"input": [[1,1,1,0,0],[0,1,1,1,0],[0,0,1,1,1],[0,0,1,1,0],[0,1,1,0,0]],
                 "kernel": [[1,0,1],[0,1,0],[1,0,1]], "padding": "valid"}"""),
        @ExampleObject(name = "opencv-flip", summary = "OpenCV's true convolution of an even kernel: the anchor moves", value = """
                {"input": [[1,2,3]], "kernel": [[1,2]], "convention": "opencv", "flip": true, "border": "zero"}""")}))
    @ApiResponse(responseCode = "200", description = "The output, its shape, the padding applied and the engine that ran",
            content = @Content(mediaType = "application/json", examples = {
                @ExampleObject(name = "notebook", value = """
                        {"output": [[4.0,3.0,4.0],[2.0,4.0,3.0],[2.0,3.0,4.0]], "shape": [3,3], "padding": [0,0,0,0],
                         "backend": "cpu", "millis": 0.05}"""),
                @ExampleObject(name = "opencv-flip", value = """
                        {"output": [[4.0,7.0,6.0]], "shape": [1,3], "padding": [0,0,0,1], "backend": "cpu", "millis": 0.02}""")}))
    @ApiResponse(responseCode = "400", description = "A field is wrong; the message names it",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"error": "input[1] has 2 value(s), expected 3 like the first one"}""")))
    @PostMapping(path = "/api/convolve", consumes = "application/json", produces = "application/json")
    Map<String, Object> convolve(@RequestBody JsonNode body) {
        ConvolutionRequest request = ConvolveJson.read(body);
        ConvolutionResult result = service.convolve(request);
        Map<String, Object> out = new LinkedHashMap<>();
        NdArray output = NdArray.of(result.output(), request.matrixOutput());
        if (request.channelsLast() && output.rank() == 3) {
            output = output.transpose(1, 2, 0);
        }
        out.put("output", JsonArrays.nested(output));
        out.put("shape", output.shape());
        out.put("padding", result.plan().pads().toArray());
        out.put("backend", result.backend());
        out.put("millis", result.millis());
        return out;
    }
}

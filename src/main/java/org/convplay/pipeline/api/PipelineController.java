package org.convplay.pipeline.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convplay.convolve.NdArray;
import org.convplay.convolve.api.ConvolveController;
import org.convplay.pipeline.PipelineJson;
import org.convplay.pipeline.PipelineService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/pipeline} as specified in shared/spec/api.md, plus parameter counts. */
@RestController
class PipelineController {

    private final PipelineService service;

    PipelineController(PipelineService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/pipeline", consumes = "application/json", produces = "application/json")
    Map<String, Object> run(@RequestBody JsonNode body) {
        PipelineJson.Request request = PipelineJson.read(body);
        PipelineService.Run run = service.run(request.pipeline(), request.input(), request.backend());
        Map<String, Object> out = new LinkedHashMap<>();
        NdArray output = NdArray.of(run.result().output(), false);
        out.put("output", ConvolveController.nested(request.channelsLast() ? output.transpose(1, 2, 0) : output));
        // shapes stay [C, H, W] as api.md defines them, whatever the layout
        out.put("shapes", run.result().shapes());
        out.put("parameters", request.pipeline().parametersPerLayer());
        out.put("totalParameters", request.pipeline().parameters());
        out.put("backend", run.backend());
        out.put("millis", run.millis());
        return out;
    }
}

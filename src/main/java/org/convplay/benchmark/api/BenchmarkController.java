package org.convplay.benchmark.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convplay.api.BadRequestException;
import org.convplay.api.JsonArrays;
import org.convplay.benchmark.BenchmarkService;
import org.convplay.convolve.api.ConvolveJson;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/benchmark} (api.md, "Benchmark"): every available engine on the same data, in one run. */
@RestController
class BenchmarkController {

    static final Set<String> FIELDS = Set.of("size", "kernel", "channels", "filters", "repeats");

    private final BenchmarkService service;

    BenchmarkController(BenchmarkService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/benchmark", consumes = "application/json", produces = "application/json")
    Map<String, Object> run(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("the body must be a JSON object: {\"size\", \"kernel\", \"channels\", \"filters\", \"repeats\"}");
        }
        ConvolveJson.rejectUnknown(body, FIELDS);
        BenchmarkRunner.Request request = service.request(
                number(body, "size", 256), number(body, "kernel", 3), number(body, "channels", 1),
                number(body, "filters", 1), number(body, "repeats", 10));
        BenchmarkRunner.Report report = service.run(request);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BenchmarkRunner.Row r : report.results()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("backend", r.backend());
            row.put("medianMillis", r.medianMillis());
            row.put("gflops", r.gflops());
            row.put("maxAbsError", r.maxAbsError());
            row.put("runs", r.runs());
            row.put("note", r.note());
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", rows);
        out.put("machine", report.machine());
        return out;
    }

    private static int number(JsonNode body, String field, int defaultValue) {
        return body.hasNonNull(field) ? JsonArrays.wholeNumber(body.get(field), field) : defaultValue;
    }

    @ExceptionHandler(BenchmarkService.BusyException.class)
    ResponseEntity<Map<String, String>> busy(BenchmarkService.BusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
    }
}

package org.convplay.benchmark.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.JsonArrays;
import org.convplay.benchmark.BenchmarkService;
import org.convplay.shared.RequestJson;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/benchmark} (docs/api.md, "Benchmark"): every available engine on the same data, in one run. */
@RestController
class BenchmarkController {

    static final Set<String> FIELDS = Set.of("size", "kernel", "channels", "filters", "repeats");

    /** How often a running benchmark checks that its client is still there. */
    static final long HEARTBEAT_MILLIS = 500;

    private final BenchmarkService service;
    private final ObjectMapper mapper;

    BenchmarkController(BenchmarkService service, ObjectMapper mapper) {
        this.service = service;
        this.mapper = mapper;
    }

    /**
     * Runs the benchmark on the service's thread while this one watches the client: after the first half second it
     * writes a space (JSON allows leading whitespace) every half second, and a write that fails means the client has
     * gone, which cancels the benchmark between two runs. Tomcat says nothing of a closed connection until it writes.
     */
    @Operation(summary = "Time every available engine on the same seeded data",
            description = "A size x size input with the given channels, a kernel x kernel kernel with the given filters, "
                    + "'same' padding; each engine warms up, then runs repeats times into one output allocated once. "
                    + "maxAbsError is against the reference engine. One benchmark runs at a time: 503 while another runs.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "small", value = """
                    {"size": 64, "kernel": 3, "channels": 1, "filters": 1, "repeats": 3}""")))
    // the answer's example is named apart from the request's: times differ from run to run, so no test compares them
    @ApiResponse(responseCode = "200", description = "One row per engine, and the machine it ran on",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "one-run", value = """
                    {"results": [
                       {"backend": "cpu", "medianMillis": 0.120299, "gflops": 0.61, "maxAbsError": 2.98E-7, "runs": 3,
                        "note": "error over every output value"},
                       {"backend": "opencv", "medianMillis": 0.03363, "gflops": 2.19, "maxAbsError": 4.77E-7, "runs": 3,
                        "note": "error over every output value"},
                       {"backend": "reference", "medianMillis": 0.129863, "gflops": 0.57, "maxAbsError": 0.0, "runs": 3,
                        "note": "error over every output value"}],
                     "machine": {"cores": 2, "cpu": "AMD EPYC", "jvm": "OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1 (Debian)",
                                 "os": "Linux amd64", "maxHeapMb": 6028,
                                 "notes": ["engines: cpu, opencv, reference",
                                           "cpu engine: pure Java, 2 threads (common ForkJoinPool), Vector API (512-bit) for the channel sums of 3x3 layers",
                                           "OpenCV 4.11.0 (2 threads)",
                                           "reference engine: one thread, sums in double, the oracle the others are tested against"]}}""")))
    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
            {"error": "unknown field \\"sizes\\"; known fields: channels, filters, kernel, repeats, size"}""")))
    @ApiResponse(responseCode = "503", description = "Another benchmark is running",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
                    {"error": "another benchmark is running on this server; try again in 12 s"}""")))
    @PostMapping(path = "/api/benchmark", consumes = "application/json", produces = "application/json")
    void run(@RequestBody JsonNode body, HttpServletResponse response) throws IOException {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("the body must be a JSON object: {\"size\", \"kernel\", \"channels\", \"filters\", \"repeats\"}");
        }
        RequestJson.rejectUnknown(body, FIELDS);
        BenchmarkRunner.Request request = service.request(
                number(body, "size", 256), number(body, "kernel", 3), number(body, "channels", 1),
                number(body, "filters", 1), number(body, "repeats", 10));
        AtomicBoolean clientGone = new AtomicBoolean();
        CompletableFuture<BenchmarkRunner.Report> job = service.start(request, f -> { }, clientGone::get);
        BenchmarkRunner.Report report;
        try {
            report = whileConnected(job, response, clientGone);
        } catch (RuntimeException e) {
            if (!response.isCommitted()) {
                throw e;
            }
            mapper.writeValue(response.getOutputStream(), Map.of("error", "the benchmark failed: " + e.getMessage()));
            return;
        }
        if (report == null) {
            return;
        }
        response.setContentType("application/json");
        mapper.writeValue(response.getOutputStream(), json(report));
    }

    /** The report, or null when the client went away (the benchmark is then cancelled). */
    private static BenchmarkRunner.Report whileConnected(CompletableFuture<BenchmarkRunner.Report> job,
                                                         HttpServletResponse response, AtomicBoolean clientGone) {
        while (true) {
            try {
                return job.get(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                try {
                    response.setContentType("application/json");
                    response.getOutputStream().write(' ');
                    response.flushBuffer();
                } catch (IOException gone) {
                    clientGone.set(true);
                    return null;
                }
            } catch (InterruptedException e) {
                clientGone.set(true);
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    private static Map<String, Object> json(BenchmarkRunner.Report report) {
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
}

package org.convplay.benchmark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convplay.shared.BadRequestException;
import org.convplay.engine.benchmark.BenchmarkRunner;

/**
 * A benchmark run as a saved experiment's request: the page's form (size, kernel, channels, filters,
 * repeats) and what the run measured (the rows and the machine), so that the permalink shows the figures
 * the student saw instead of timing again on another machine.
 */
public final class BenchmarkExperiment {

    /** More rows than there are engines is not a run of this server. */
    public static final int MAX_ROWS = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchmarkExperiment() {
    }

    /** {@code {"size": .., "kernel": .., "channels": .., "filters": .., "repeats": .., "results": [..], "machine": {..}}}. */
    public static ObjectNode write(BenchmarkRunner.Report report) {
        ObjectNode o = JSON.valueToTree(report.request());
        o.set("results", JSON.valueToTree(report.results()));
        o.set("machine", JSON.valueToTree(report.machine()));
        return o;
    }

    /** The saved run, checked as a new run's form would be; a message naming the field when it is not one. */
    public static BenchmarkRunner.Report read(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new BadRequestException("request must be the benchmark page's state: {\"size\", \"kernel\", \"channels\", "
                    + "\"filters\", \"repeats\", \"results\", \"machine\"}");
        }
        BenchmarkRunner.Request r;
        try {
            r = new BenchmarkRunner.Request(integer(request, "size"), integer(request, "kernel"), integer(request, "channels"),
                    integer(request, "filters"), integer(request, "repeats"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("request." + e.getMessage());
        }
        JsonNode results = request.get("results");
        if (results == null || !results.isArray() || results.size() > MAX_ROWS) {
            throw new BadRequestException("request.results must be a list of at most " + MAX_ROWS + " rows {\"backend\", "
                    + "\"medianMillis\", \"gflops\", \"maxAbsError\", \"runs\", \"note\"}");
        }
        List<BenchmarkRunner.Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            BenchmarkRunner.Row row = value(results.get(i), BenchmarkRunner.Row.class, "request.results[" + i + "]");
            if (row.backend() == null || row.backend().isBlank()) {
                throw new BadRequestException("request.results[" + i + "].backend is required");
            }
            rows.add(row);
        }
        JsonNode machine = request.get("machine");
        if (machine == null || !machine.isObject()) {
            throw new BadRequestException("request.machine must be the machine the run was measured on {\"cores\", \"cpu\", "
                    + "\"jvm\", \"os\", \"maxHeapMb\", \"notes\"}");
        }
        BenchmarkRunner.Machine m = value(machine, BenchmarkRunner.Machine.class, "request.machine");
        return new BenchmarkRunner.Report(r, rows, new BenchmarkRunner.Machine(m.cores(), m.cpu(), m.jvm(), m.os(), m.maxHeapMb(),
                m.notes() == null ? List.of() : m.notes()));
    }

    private static int integer(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new BadRequestException("request." + field + " must be a whole number");
        }
        return n.intValue();
    }

    private static <T> T value(JsonNode node, Class<T> type, String path) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(path + " is not a " + type.getSimpleName().toLowerCase(Locale.ROOT)
                    + " of a benchmark run: " + e.getOriginalMessage());
        }
    }
}

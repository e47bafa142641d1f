package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convplay.exercise.Check;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Grader;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * Practical 5 on the benchmark page: a run of the asked size that includes OpenCV and the fast
 * ({@code cpu}) engine, every engine agreeing with the reference, and the ratio of their median
 * times read off the table. The answer is the page's state ({@code request} and {@code results},
 * as {@code POST /api/benchmark} returns them) plus {@code ratio}: cpu's median over OpenCV's.
 */
final class PracticalTimingGrader implements Grader {

    /** Largest difference from the reference engine that still counts as agreeing (float32 sums). */
    static final double MAX_ERROR = 1e-2;

    @Override
    public String name() {
        return "practical-timing";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("size", "k");
    }

    @Override
    public Grade grade(Parameters p, Solution solution, JsonNode answer, double tolerance) {
        try {
            Answer.object(answer, "request, results, ratio");
            JsonNode request = Answer.field(answer, "", "request");
            long size = Answer.integer(request, "request", "size");
            long kernel = Answer.integer(request, "request", "kernel");
            JsonNode results = Answer.field(answer, "", "results");
            if (!results.isArray() || results.isEmpty()) {
                throw Answer.malformed("results", "grading.timing.results");
            }
            double ratio = Answer.number(answer, "", "ratio");
            Map<String, Double> medians = new LinkedHashMap<>();
            boolean allAgree = true;
            for (int i = 0; i < results.size(); i++) {
                JsonNode row = results.get(i);
                String path = "results[" + i + "]";
                if (!row.isObject()) {
                    throw Answer.malformed(path, "grading.timing.row");
                }
                String backend = Answer.word(row, path, "backend").toLowerCase(Locale.ROOT);
                if (row.hasNonNull("medianMillis")) {
                    medians.put(backend, Answer.number(row, path, "medianMillis"));
                }
                if (row.hasNonNull("maxAbsError")) {
                    allAgree &= Answer.number(row, path, "maxAbsError") <= MAX_ERROR;
                }
            }
            Double cpu = medians.get("cpu");
            Double opencv = medians.get("opencv");
            boolean both = cpu != null && opencv != null && cpu > 0 && opencv > 0;
            double actual = both ? cpu / opencv : Double.NaN;
            boolean ratioRight = both && Math.abs(ratio - actual) <= tolerance * actual;
            List<Check> checks = List.of(
                    Check.of("size", size == p.integer("size") && kernel == p.integer("k"), Text.of("grading.timing.size", size, kernel),
                            Text.of("grading.timing.sizeWrong", size, kernel, p.integer("size"), p.integer("k"))),
                    Check.of("engines", both, Text.of("grading.timing.engines"), Text.of("grading.timing.enginesWrong", medians.keySet().toString())),
                    Check.of("agree", allAgree, Text.of("grading.timing.agree"), Text.of("grading.timing.agreeWrong", MAX_ERROR)),
                    Check.of("ratio", ratioRight, Text.of("grading.timing.ratio", ratio, actual), both
                            ? Text.of("grading.timing.ratioWrong", ratio, actual) : Text.of("grading.timing.ratioUnknown", ratio)));
            return Grade.of(checks);
        } catch (Answer.Malformed e) {
            return Grade.notGradable(e.reason());
        }
    }

    @Override
    public Solution solve(Parameters p) {
        int size = p.integer("size");
        int k = p.integer("k");
        if (k > size) {
            throw new IllegalArgumentException("kernel " + k + " larger than the image " + size);
        }
        ObjectNode answer = Numbers.object();
        ObjectNode request = answer.putObject("request");
        request.put("size", size).put("kernel", k).put("channels", 1).put("filters", 1).put("repeats", 5);
        ArrayNode results = answer.putArray("results");
        // Illustrative numbers only: real timings depend on the machine, which is why grading is structural.
        results.addObject().put("backend", "cpu").put("medianMillis", 3.0).put("gflops", 2.7).put("maxAbsError", 1e-6);
        results.addObject().put("backend", "opencv").put("medianMillis", 2.0).put("gflops", 4.0).put("maxAbsError", 1e-6);
        answer.put("ratio", 1.5);
        return new Solution(answer, List.of(Text.of("grading.timing.solution.run", size, k), Text.of("grading.timing.solution.why", size)));
    }
}

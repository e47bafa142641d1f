package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.convplay.exercise.Check;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Grader;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * Practical 5: time the convolution against OpenCV with {@code POST /api/benchmark} and report the
 * result. Checked by structure: the asked sizes, one row per engine with an OpenCV row, every engine
 * agreeing with the reference, and the fastest engine read correctly off the table.
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
            Answer.object(answer, "request, results, fastest");
            JsonNode request = Answer.field(answer, "", "request");
            long size = Answer.integer(request, "request", "size");
            long kernel = Answer.integer(request, "request", "kernel");
            JsonNode results = Answer.field(answer, "", "results");
            if (!results.isArray() || results.isEmpty()) {
                throw Answer.malformed("results", "must be the list of rows /api/benchmark returned",
                        "deve ser a lista de linhas devolvida por /api/benchmark");
            }
            String fastestClaim = Answer.word(answer, "", "fastest");
            List<String> backends = new ArrayList<>();
            String fastest = null;
            double best = Double.POSITIVE_INFINITY;
            boolean allAgree = true;
            boolean timesPositive = true;
            for (int i = 0; i < results.size(); i++) {
                JsonNode row = results.get(i);
                String path = "results[" + i + "]";
                if (!row.isObject()) {
                    throw Answer.malformed(path, "must be an object with backend and medianMillis", "deve ser um objeto com backend e medianMillis");
                }
                String backend = Answer.word(row, path, "backend");
                double millis = Answer.number(row, path, "medianMillis");
                backends.add(backend);
                timesPositive &= millis > 0;
                if (millis < best) {
                    best = millis;
                    fastest = backend;
                }
                if (row.has("maxAbsError")) {
                    allAgree &= Answer.number(row, path, "maxAbsError") <= MAX_ERROR;
                }
            }
            boolean opencv = backends.stream().anyMatch(b -> b.toLowerCase(Locale.ROOT).contains("opencv"));
            List<Check> checks = List.of(
                    PracticalGrader.check("request.size", size == p.integer("size"),
                            Text.of("size: " + size + " as asked.", "size: " + size + " como pedido."),
                            Text.of("size: " + size + " is not the " + p.integer("size") + " asked for.", "size: " + size + " não é o " + p.integer("size") + " pedido.")),
                    PracticalGrader.check("request.kernel", kernel == p.integer("k"),
                            Text.of("kernel: " + kernel + " as asked.", "kernel: " + kernel + " como pedido."),
                            Text.of("kernel: " + kernel + " is not the " + p.integer("k") + " asked for.", "kernel: " + kernel + " não é o " + p.integer("k") + " pedido.")),
                    PracticalGrader.check("results", backends.size() >= 2 && opencv,
                            Text.of("results: " + backends.size() + " engines, OpenCV among them.", "results: " + backends.size() + " engines, o OpenCV entre elas."),
                            Text.of("results: need at least two engines and an OpenCV row; got " + backends + ".",
                                    "results: são precisas pelo menos duas engines e uma linha do OpenCV; veio " + backends + ".")),
                    PracticalGrader.check("results", timesPositive && allAgree,
                            Text.of("results: every time is positive and every engine agrees with the reference.",
                                    "results: todos os tempos são positivos e todas as engines concordam com a referência."),
                            Text.of("results: a time is not positive or an engine's maxAbsError is above " + MAX_ERROR + ".",
                                    "results: algum tempo não é positivo ou o maxAbsError de uma engine passa de " + MAX_ERROR + ".")),
                    PracticalGrader.check("fastest", fastestClaim.equalsIgnoreCase(fastest),
                            Text.of("fastest: " + fastestClaim + " has the lowest median time.", "fastest: " + fastestClaim + " tem o menor tempo mediano."),
                            Text.of("fastest: " + fastestClaim + " does not have the lowest medianMillis in your results.",
                                    "fastest: " + fastestClaim + " não tem o menor medianMillis nos seus resultados.")));
            return Grade.of(checks);
        } catch (Answer.Malformed e) {
            return Grade.notGradable(e.reason);
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
        results.addObject().put("backend", "reference").put("medianMillis", 40.0).put("gflops", 0.2).put("maxAbsError", 0.0);
        results.addObject().put("backend", "opencv").put("medianMillis", 2.0).put("gflops", 4.0).put("maxAbsError", 1e-6);
        answer.put("fastest", "opencv");
        return new Solution(answer, List.of(
                Text.of("Send {\"size\": " + size + ", \"kernel\": " + k + ", \"channels\": 1, \"filters\": 1, \"repeats\": 5} to POST /api/benchmark"
                                + " and paste the request, the results list and the backend with the lowest medianMillis.",
                        "Envie {\"size\": " + size + ", \"kernel\": " + k + ", \"channels\": 1, \"filters\": 1, \"repeats\": 5} para POST /api/benchmark"
                                + " e cole a requisição, a lista results e a engine com o menor medianMillis."),
                Text.of("Every engine computes the same " + size + "x" + size + " convolution (maxAbsError compares it with the reference); "
                                + "OpenCV's filter2D is usually far faster than a direct loop, since it uses vector instructions and, for large kernels, the DFT.",
                        "Todas as engines calculam a mesma convolução " + size + "x" + size + " (maxAbsError compara com a referência); "
                                + "o filter2D do OpenCV costuma ser muito mais rápido que um laço direto, pois usa instruções vetoriais e, para kernels grandes, a DFT.")));
    }
}

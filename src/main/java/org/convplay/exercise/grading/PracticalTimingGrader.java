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
            Answer.object(answer, "request, results (the benchmark page's state) and ratio");
            JsonNode request = Answer.field(answer, "", "request");
            long size = Answer.integer(request, "request", "size");
            long kernel = Answer.integer(request, "request", "kernel");
            JsonNode results = Answer.field(answer, "", "results");
            if (!results.isArray() || results.isEmpty()) {
                throw Answer.malformed("results", "must be the rows of a benchmark run", "deve ser as linhas de uma medição");
            }
            double ratio = Answer.number(answer, "", "ratio");
            Map<String, Double> medians = new LinkedHashMap<>();
            boolean allAgree = true;
            for (int i = 0; i < results.size(); i++) {
                JsonNode row = results.get(i);
                String path = "results[" + i + "]";
                if (!row.isObject()) {
                    throw Answer.malformed(path, "must be an object with backend and medianMillis", "deve ser um objeto com backend e medianMillis");
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
            String shown = both ? String.format(Locale.ROOT, "%.2f", actual) : "?";
            List<Check> checks = List.of(
                    Check.of("size", size == p.integer("size") && kernel == p.integer("k"),
                            Text.of("Image " + size + " x " + size + " with a " + kernel + " x " + kernel + " kernel, as asked.",
                                    "Imagem " + size + " x " + size + " com kernel " + kernel + " x " + kernel + ", como pedido."),
                            Text.of("The run was " + size + " x " + size + " with a " + kernel + " x " + kernel + " kernel; the task asks for "
                                            + p.integer("size") + " x " + p.integer("size") + " and " + p.integer("k") + " x " + p.integer("k") + ".",
                                    "A medição foi " + size + " x " + size + " com kernel " + kernel + " x " + kernel + "; a tarefa pede "
                                            + p.integer("size") + " x " + p.integer("size") + " e " + p.integer("k") + " x " + p.integer("k") + ".")),
                    Check.of("engines", both,
                            Text.of("The run includes OpenCV and the fast cpu engine.", "A medição inclui o OpenCV e a engine rápida cpu."),
                            Text.of("The run must time both opencv and cpu; it has " + medians.keySet() + ".",
                                    "A medição deve cronometrar opencv e cpu; ela tem " + medians.keySet() + ".")),
                    Check.of("agree", allAgree,
                            Text.of("Every engine agrees with the reference.", "Todas as engines concordam com a referência."),
                            Text.of("An engine differs from the reference by more than " + MAX_ERROR + ".",
                                    "Uma engine difere da referência por mais de " + MAX_ERROR + ".")),
                    Check.of("ratio", ratioRight,
                            Text.of("Ratio " + ratio + ": cpu's median over OpenCV's is " + shown + ".",
                                    "Razão " + ratio + ": a mediana da cpu sobre a do OpenCV é " + shown + "."),
                            Text.of("Ratio " + ratio + " is not cpu's median time divided by OpenCV's in this run (" + shown + ").",
                                    "A razão " + ratio + " não é o tempo mediano da cpu dividido pelo do OpenCV nesta medição (" + shown + ").")));
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
        return new Solution(answer, List.of(
                Text.of("On the benchmark page, set the size to " + size + " and the kernel to " + k + " (1 channel, 1 filter) and run it;"
                                + " then divide cpu's median time by OpenCV's (here 3.0 / 2.0 = 1.5; your machine gives its own numbers).",
                        "Na página de benchmark, escolha tamanho " + size + " e kernel " + k + " (1 canal, 1 filtro) e rode;"
                                + " depois divida o tempo mediano da cpu pelo do OpenCV (aqui 3,0 / 2,0 = 1,5; a sua máquina dá os seus números)."),
                Text.of("Every engine computes the same " + size + "x" + size + " convolution (maxAbsError compares it with the reference); "
                                + "OpenCV's filter2D is usually far faster than a direct loop, since it uses vector instructions and, for large kernels, the DFT.",
                        "Todas as engines calculam a mesma convolução " + size + "x" + size + " (maxAbsError compara com a referência); "
                                + "o filter2D do OpenCV costuma ser muito mais rápido que um laço direto, pois usa instruções vetoriais e, para kernels grandes, a DFT.")));
    }
}

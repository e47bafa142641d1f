package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.convplay.engine.Padding;
import org.convplay.exercise.Check;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/** Practical 2: convolve a gray (one-channel) image of a given size with a k x k kernel, valid padding. */
final class PracticalGrayGrader extends PracticalGrader {

    @Override
    public String name() {
        return "practical-gray";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("h", "w", "k");
    }

    @Override
    List<Check> requirements(Parameters p, ConvRequest r) {
        boolean valid = r.padding().mode() == Padding.Mode.VALID;
        boolean oneFilter = r.filters() == 1;
        return List.of(
                inputSize(r, 1, p.integer("h"), p.integer("w")),
                check("request.input", distinctValues(r.body().get("input")) > 1,
                        Text.of("input: an image (its pixels are not all equal).", "input: uma imagem (os pixels não são todos iguais)."),
                        Text.of("input: every pixel has the same value; use a real picture converted to gray.",
                                "input: todos os pixels têm o mesmo valor; use uma foto de verdade convertida para cinza.")),
                kernelSize(r, p.integer("k")),
                check("request.kernel", oneFilter, Text.of("kernel: one filter.", "kernel: um filtro."),
                        Text.of("kernel: use one filter here (" + r.filters() + " given).", "kernel: use um filtro aqui (" + r.filters() + " dados).")),
                check("request.padding", valid, Text.of("padding: valid.", "padding: valid."),
                        Text.of("padding: " + r.padding().id() + " is not valid.", "padding: " + r.padding().id() + " não é valid.")));
    }

    static int distinctValues(JsonNode v) {
        Set<Double> seen = new HashSet<>();
        collect(v, seen);
        return seen.size();
    }

    private static void collect(JsonNode v, Set<Double> seen) {
        if (v.isArray()) {
            for (JsonNode c : v) {
                collect(c, seen);
                if (seen.size() > 1) {
                    return;
                }
            }
        } else {
            seen.add(v.asDouble());
        }
    }

    @Override
    public Solution solve(Parameters p) {
        int h = p.integer("h");
        int w = p.integer("w");
        int k = p.integer("k");
        if (k > h || k > w) {
            throw new IllegalArgumentException("kernel " + k + " larger than the input " + h + "x" + w);
        }
        ObjectNode request = Numbers.object();
        request.set("input", Numbers.matrix(pattern(h, w, 1)));
        request.set("kernel", Numbers.matrix(edgeKernel(k, 1)));
        request.put("padding", "valid");
        ObjectNode answer = Numbers.object();
        answer.set("request", request);
        answer.set("shape", Numbers.ints(h - k + 1, w - k + 1));
        return new Solution(answer, List.of(
                Text.of("Convert the picture to one channel (gray), resize it to " + h + "x" + w + " and send it as a 2-D input with a 2-D "
                                + k + "x" + k + " kernel (for instance an edge detector).",
                        "Converta a foto para um canal (cinza), redimensione para " + h + "x" + w + " e envie como entrada 2-D com um kernel 2-D "
                                + k + "x" + k + " (por exemplo um detector de bordas)."),
                Text.of("Valid: (" + h + " - " + k + " + 1) x (" + w + " - " + k + " + 1) = " + (h - k + 1) + "x" + (w - k + 1) + ".",
                        "Valid: (" + h + " - " + k + " + 1) x (" + w + " - " + k + " + 1) = " + (h - k + 1) + "x" + (w - k + 1) + ".")));
    }
}

package org.convplay.exercise.grading;

import static org.convplay.exercise.grading.Numbers.en;
import static org.convplay.exercise.grading.Numbers.pt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convplay.engine.ConvGeometry;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * The notebook's theory question: an n x n input, one k x k {@code valid} kernel. How large is the
 * output, how many parameters would a dense layer between the same sizes need, how many does the
 * convolution need, and how many times fewer is that?
 */
final class DenseVsConvGrader extends FieldGrader {

    @Override
    public String name() {
        return "dense-vs-conv";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("n", "k");
    }

    @Override
    Map<String, Type> fields() {
        return fields("output", Type.SHAPE, "denseParameters", Type.INTEGER, "convParameters", Type.INTEGER,
                "reduction", Type.NUMBER);
    }

    @Override
    public Solution solve(Parameters p) {
        int n = p.integer("n");
        int k = p.integer("k");
        int out = ConvGeometry.outputLength("height", n, k, 1, 1, 0, 0);
        long inputs = (long) n * n;
        long outputs = (long) out * out;
        long dense = ConvGeometry.denseParameters(inputs, outputs);
        long conv = ConvGeometry.convParameters(1, 1, 1, k, k, true);
        double reduction = (double) dense / conv;

        ObjectNode answer = Numbers.object();
        answer.set("output", Numbers.ints(out, out));
        answer.put("denseParameters", dense);
        answer.put("convParameters", conv);
        answer.put("reduction", reduction);
        List<Text> steps = List.of(
                Text.of("Output of a valid " + k + "x" + k + " kernel: it fits n - k + 1 = " + n + " - " + k + " + 1 = "
                                + out + " times along each side, so the output is " + out + "x" + out + ".",
                        "Saída de um kernel " + k + "x" + k + " valid: ele cabe n - k + 1 = " + n + " - " + k + " + 1 = "
                                + out + " vezes em cada lado, então a saída é " + out + "x" + out + "."),
                Text.of("Dense layer: each of the " + n + "x" + n + " = " + en(inputs) + " inputs connects to each of the "
                                + out + "x" + out + " = " + en(outputs) + " outputs: " + en(inputs) + " x " + en(outputs) + " = "
                                + en(inputs * outputs) + " weights, plus " + en(outputs) + " biases = " + en(dense) + " parameters.",
                        "Camada densa: cada uma das " + n + "x" + n + " = " + pt(inputs) + " entradas liga-se a cada uma das "
                                + out + "x" + out + " = " + pt(outputs) + " saídas: " + pt(inputs) + " x " + pt(outputs) + " = "
                                + pt(inputs * outputs) + " pesos, mais " + pt(outputs) + " vieses = " + pt(dense) + " parâmetros."),
                Text.of("Convolutional layer: one " + k + "x" + k + " kernel shared by every position: " + (k * k)
                                + " weights + 1 bias = " + conv + " parameters.",
                        "Camada convolucional: um kernel " + k + "x" + k + " compartilhado por todas as posições: " + (k * k)
                                + " pesos + 1 viés = " + conv + " parâmetros."),
                Text.of("Reduction: " + en(dense) + " / " + conv + " = " + en(reduction) + " times fewer parameters.",
                        "Redução: " + pt(dense) + " / " + conv + " = " + pt(reduction) + " vezes menos parâmetros."));
        return new Solution(answer, steps);
    }

    @Override
    Text hint(String field, Parameters p, JsonNode given) {
        int n = p.integer("n");
        int k = p.integer("k");
        if (field.equals("output") && given.isArray() && given.size() == 2
                && given.get(0).asInt() == n - k + 2 && given.get(1).asInt() == n - k + 2) {
            return Text.of("That is n - k + 2, the slip the original notebook made too (it says 99x99 for 100x100 and 3x3): "
                            + "count the positions where the whole kernel fits.",
                    "Isso é n - k + 2, o mesmo deslize do notebook original (ele diz 99x99 para 100x100 e 3x3): "
                            + "conte as posições em que o kernel inteiro cabe.");
        }
        return null;
    }
}

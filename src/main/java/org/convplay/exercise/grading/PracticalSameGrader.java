package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.convplay.engine.Padding;
import org.convplay.exercise.Check;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/** Practical 1: the notebook's convolution redone with {@code same} instead of {@code valid}: the output keeps the input's size. */
final class PracticalSameGrader extends PracticalGrader {

    @Override
    public String name() {
        return "practical-same";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("h", "w", "k");
    }

    @Override
    List<Check> requirements(Parameters p, ConvRequest r) {
        boolean same = r.padding().mode() == Padding.Mode.SAME;
        return List.of(
                inputSize(r, 1, p.integer("h"), p.integer("w")),
                kernelSize(r, p.integer("k")),
                check("request.padding", same, Text.of("padding: same.", "padding: same."),
                        Text.of("padding: " + r.padding().id() + " is not same.", "padding: " + r.padding().id() + " não é same.")),
                strideOne(r));
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
        request.set("input", Numbers.matrix(pattern(h, w, 0)));
        request.set("kernel", Numbers.matrix(edgeKernel(k, 0)));
        request.put("padding", "same");
        ObjectNode answer = Numbers.object();
        answer.set("request", request);
        answer.set("shape", Numbers.ints(h, w));
        return new Solution(answer, List.of(
                Text.of("With same and stride 1 the input gets k - 1 = " + (k - 1) + " rows and columns of padding in total,"
                                + " so the " + k + "x" + k + " kernel fits n times: the output is " + h + "x" + w + ", the input's size.",
                        "Com same e stride 1 a entrada recebe k - 1 = " + (k - 1) + " linhas e colunas de padding no total,"
                                + " então o kernel " + k + "x" + k + " cabe n vezes: a saída é " + h + "x" + w + ", o tamanho da entrada."),
                Text.of("A request that does it: {\"input\": <" + h + "x" + w + ">, \"kernel\": <" + k + "x" + k + ">, \"padding\": \"same\"}"
                                + " and the shape [" + h + ", " + w + "].",
                        "Uma requisição que faz isso: {\"input\": <" + h + "x" + w + ">, \"kernel\": <" + k + "x" + k + ">, \"padding\": \"same\"}"
                                + " e o shape [" + h + ", " + w + "].")));
    }
}

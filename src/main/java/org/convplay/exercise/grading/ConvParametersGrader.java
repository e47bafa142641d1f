package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convplay.engine.ConvGeometry;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * Kernel shape and parameter count of a conv layer on {@code c} channels with {@code f} filters of
 * {@code k x k}; optional {@code groups} (1) and {@code bias} (true).
 */
final class ConvParametersGrader extends FieldGrader {

    @Override
    public String name() {
        return "conv-parameters";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("c", "f", "k");
    }

    @Override
    Map<String, Type> fields() {
        return fields("kernelShape", Type.SHAPE, "parameters", Type.INTEGER);
    }

    @Override
    public Solution solve(Parameters p) {
        int c = p.integer("c");
        int f = p.integer("f");
        int k = p.integer("k");
        int g = p.integer("groups", 1);
        boolean bias = p.bool("bias", true);
        if (c % g != 0 || f % g != 0) {
            throw new IllegalArgumentException("groups (" + g + ") must divide channels (" + c + ") and filters (" + f + ")");
        }
        long params = ConvGeometry.convParameters(f, c, g, k, k, bias);
        ObjectNode answer = Numbers.object();
        answer.set("kernelShape", Numbers.ints(f, c / g, k, k));
        answer.put("parameters", params);
        String weights = f + " x " + (c / g) + " x " + k + " x " + k + " = " + ((long) f * (c / g) * k * k);
        return new Solution(answer, List.of(
                Text.of("Each of the " + f + " filters sees C/g = " + c + "/" + g + " = " + (c / g) + " channels: kernel shape ["
                                + f + ", " + (c / g) + ", " + k + ", " + k + "] (filters, channels, height, width).",
                        "Cada um dos " + f + " filtros vê C/g = " + c + "/" + g + " = " + (c / g) + " canais: formato do kernel ["
                                + f + ", " + (c / g) + ", " + k + ", " + k + "] (filtros, canais, altura, largura)."),
                Text.of("Weights: " + weights + (bias ? "; plus one bias per filter: + " + f : "; no bias") + " = " + params + ".",
                        "Pesos: " + weights + (bias ? "; mais um viés por filtro: + " + f : "; sem viés") + " = " + params + ".")));
    }
}

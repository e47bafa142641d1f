package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Padding;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * Shapes through a conv layer ({@code f} filters, k x k, stride 1) and a pooling layer (size
 * {@code pool}, stride {@code poolStride}, padding valid or same) on an n x n one-channel input;
 * shapes are channels first without the batch axis.
 */
final class PoolingShapeGrader extends FieldGrader {

    @Override
    public String name() {
        return "pooling-shape";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("n", "f", "k", "convPadding", "pool", "poolStride", "poolPadding");
    }

    @Override
    Map<String, Type> fields() {
        return fields("afterConv", Type.SHAPE, "afterPool", Type.SHAPE);
    }

    @Override
    public Solution solve(Parameters p) {
        int n = p.integer("n");
        int f = p.integer("f");
        int k = p.integer("k");
        int pool = p.integer("pool");
        int s = p.integer("poolStride");
        String convPadding = p.string("convPadding");
        String poolPadding = p.string("poolPadding");
        ConvGeometry.Plan conv = ConvGeometry.plan(n, n, k, k, ConvSpec.DEFAULT.withPadding(Padding.named(convPadding)));
        int c = conv.outHeight();
        int pooled = switch (poolPadding) {
            case "valid" -> ConvGeometry.outputLength("height", c, pool, s, 1, 0, 0);
            case "same" -> ConvGeometry.ceilDiv(c, s);
            default -> throw new IllegalArgumentException("pool padding must be valid or same, is " + poolPadding);
        };
        ObjectNode answer = Numbers.object();
        answer.set("afterConv", Numbers.ints(f, c, c));
        answer.set("afterPool", Numbers.ints(f, pooled, pooled));
        Text convLine = convPadding.equals("same")
                ? Text.of("Conv, same, stride 1: the size is kept, " + n + " -> " + c + "; one channel per filter: [" + f + ", " + c + ", " + c + "].",
                        "Conv, same, passo 1: o tamanho se mantém, " + n + " -> " + c + "; um canal por filtro: [" + f + ", " + c + ", " + c + "].")
                : Text.of("Conv, valid: n - k + 1 = " + n + " - " + k + " + 1 = " + c + "; one channel per filter: [" + f + ", " + c + ", " + c + "].",
                        "Conv, valid: n - k + 1 = " + n + " - " + k + " + 1 = " + c + "; um canal por filtro: [" + f + ", " + c + ", " + c + "].");
        Text poolLine = poolPadding.equals("same")
                ? Text.of("Pooling, same: ceil(n/s) = ceil(" + c + "/" + s + ") = " + pooled + " (the last window is padded); channels unchanged.",
                        "Pooling, same: ceil(n/s) = ceil(" + c + "/" + s + ") = " + pooled + " (a última janela recebe padding); canais iguais.")
                : Text.of("Pooling, valid: floor((n - p)/s) + 1 = floor((" + c + " - " + pool + ")/" + s + ") + 1 = " + pooled
                                + " (windows that do not fit are dropped); channels unchanged.",
                        "Pooling, valid: floor((n - p)/s) + 1 = floor((" + c + " - " + pool + ")/" + s + ") + 1 = " + pooled
                                + " (janelas que não cabem são descartadas); canais iguais.");
        return new Solution(answer, List.of(convLine, poolLine));
    }
}

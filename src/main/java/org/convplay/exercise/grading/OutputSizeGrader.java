package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.Padding;
import org.convplay.engine.SameSide;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * Output size of one convolution from input size, kernel, stride, dilation and padding. Optional
 * parameters: {@code stride} (1), {@code dilation} (1), {@code padding} (a mode name, or an integer
 * for that many cells on every side; default valid).
 */
final class OutputSizeGrader extends FieldGrader {

    @Override
    public String name() {
        return "output-size";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("h", "w", "k");
    }

    @Override
    Map<String, Type> fields() {
        return fields("output", Type.SHAPE);
    }

    static Padding padding(Parameters p) {
        if (!p.has("padding")) {
            return Padding.VALID;
        }
        String v = p.string("padding");
        if (v.matches("\\d+")) {
            int pad = Integer.parseInt(v);
            return Padding.explicit(pad, pad, pad, pad);
        }
        return Padding.named(v);
    }

    @Override
    public Solution solve(Parameters p) {
        int h = p.integer("h");
        int w = p.integer("w");
        int k = p.integer("k");
        int s = p.integer("stride", 1);
        int d = p.integer("dilation", 1);
        Padding padding = padding(p);
        int[] v = ConvGeometry.resolveAxis(padding, true, h, k, s, d, SameSide.AFTER);
        int[] hz = ConvGeometry.resolveAxis(padding, false, w, k, s, d, SameSide.AFTER);
        int oh = ConvGeometry.outputLength("height", h, k, s, d, v[0], v[1]);
        int ow = ConvGeometry.outputLength("width", w, k, s, d, hz[0], hz[1]);
        ObjectNode answer = Numbers.object();
        answer.set("output", Numbers.ints(oh, ow));
        List<Text> steps = new ArrayList<>();
        steps.add(Text.of("Per axis: out = floor((n + before + after - d*(k-1) - 1) / s) + 1, with padding "
                        + padding.id() + " giving [before, after].",
                "Por eixo: saída = floor((n + antes + depois - d*(k-1) - 1) / s) + 1, com o padding "
                        + padding.id() + " dando [antes, depois]."));
        steps.add(axis("height", "altura", h, k, s, d, v, oh));
        steps.add(axis("width", "largura", w, k, s, d, hz, ow));
        return new Solution(answer, steps);
    }

    private static Text axis(String en, String pt, int n, int k, int s, int d, int[] pads, int out) {
        String sum = "floor((" + n + " + " + pads[0] + " + " + pads[1] + " - " + d + "*(" + k + "-1) - 1) / " + s + ") + 1 = " + out;
        return Text.of(en + ": padding [" + pads[0] + ", " + pads[1] + "], " + sum,
                pt + ": padding [" + pads[0] + ", " + pads[1] + "], " + sum);
    }
}

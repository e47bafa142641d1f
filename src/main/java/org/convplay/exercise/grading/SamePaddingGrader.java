package org.convplay.exercise.grading;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.Padding;
import org.convplay.engine.SameSide;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.convplay.exercise.Text;

/**
 * Framework conventions: where {@code same} padding puts the odd row/column of a square n x n input
 * with a k x k kernel and stride s, under a named convention (docs/conventions.md's table). Variants whose
 * total padding is even are redrawn: every convention agrees on those.
 */
final class SamePaddingGrader extends FieldGrader {

    @Override
    public String name() {
        return "same-padding";
    }

    @Override
    public Set<String> requiredParameters() {
        return Set.of("n", "k", "s", "convention");
    }

    @Override
    Map<String, Type> fields() {
        return fields("padding", Type.SHAPE, "output", Type.SHAPE);
    }

    static SameSide side(String convention) {
        return switch (convention.toLowerCase(Locale.ROOT)) {
            case "tensorflow", "pytorch", "scipy-correlate2d" -> SameSide.AFTER;
            case "opencv", "scipy-convolve2d" -> SameSide.BEFORE;
            case "theano" -> SameSide.THEANO;
            default -> throw new IllegalArgumentException("unknown convention '" + convention + "'");
        };
    }

    @Override
    public Solution solve(Parameters p) {
        int n = p.integer("n");
        int k = p.integer("k");
        int s = p.integer("s");
        String convention = p.string("convention");
        int out = ConvGeometry.ceilDiv(n, s);
        int total = Math.max((out - 1) * s + k - n, 0);
        if (total % 2 == 0) {
            throw new IllegalArgumentException("total padding " + total + " is even: every convention splits it the same way");
        }
        int[] pads = ConvGeometry.resolveAxis(Padding.SAME, true, n, k, s, 1, side(convention));
        int computed = ConvGeometry.outputLength("height", n, k, s, 1, pads[0], pads[1]);
        ObjectNode answer = Numbers.object();
        answer.set("padding", Numbers.ints(pads[0], pads[1], pads[0], pads[1]));
        answer.set("output", Numbers.ints(computed, computed));
        String totalLine = "(ceil(" + n + "/" + s + ") - 1)*" + s + " + " + k + " - " + n + " = " + total;
        Text rule = switch (side(convention)) {
            case AFTER -> Text.of("grading.same.after", convention, pads[0], pads[1]);
            case BEFORE -> Text.of("grading.same.before", convention, pads[0], pads[1]);
            case THEANO -> Text.of("grading.same.theano", pads[0], out, pads[1]);
        };
        return new Solution(answer, List.of(Text.of("grading.same.total", n, s, out, totalLine), rule,
                Text.of("grading.same.pads", pads[0], pads[1], computed)));
    }
}

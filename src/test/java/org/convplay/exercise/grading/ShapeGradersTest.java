package org.convplay.exercise.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.junit.jupiter.api.Test;

/** The Java theory graders' answers (those formulas cannot express), each worked out by hand from docs/conventions.md's formulas. */
class ShapeGradersTest {

    private static Parameters params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new Parameters(m);
    }

    @Test
    void samePaddingSidesFollowEachConvention() {
        SamePaddingGrader g = new SamePaddingGrader();
        // n=6, k=4, s=1: total 3. TF: [1, 2]; Theano: floor(4/2)=2 before, 1 after; OpenCV: extra before.
        assertThat(g.solve(params("n", 6, "k", 4, "s", 1, "convention", "tensorflow")).answer().get("padding").toString()).isEqualTo("[1,2,1,2]");
        assertThat(g.solve(params("n", 6, "k", 4, "s", 1, "convention", "theano")).answer().get("padding").toString()).isEqualTo("[2,1,2,1]");
        assertThat(g.solve(params("n", 6, "k", 4, "s", 1, "convention", "opencv")).answer().get("padding").toString()).isEqualTo("[2,1,2,1]");
        // n=7, k=2, s=2: out 4, total (4-1)*2 + 2 - 7 = 1. TF after; Theano floor(2/2)=1 before, 0 after.
        Solution tf = g.solve(params("n", 7, "k", 2, "s", 2, "convention", "tensorflow"));
        assertThat(tf.answer().get("padding").toString()).isEqualTo("[0,1,0,1]");
        assertThat(tf.answer().get("output").toString()).isEqualTo("[4,4]");
        assertThat(g.solve(params("n", 7, "k", 2, "s", 2, "convention", "theano")).answer().get("padding").toString()).isEqualTo("[1,0,1,0]");
        // an even total is the same everywhere, so such a variant is rejected
        assertThatThrownBy(() -> g.solve(params("n", 6, "k", 3, "s", 1, "convention", "theano"))).hasMessageContaining("even");
    }

    @Test
    void flipGivesCorrelationAndConvolutionOfAnAsymmetricKernel() {
        FlipGrader g = new FlipGrader();
        int[][] x = {{1, 2, 0}, {0, 1, 3}, {4, 0, 1}};
        int[][] w = {{1, 0}, {0, 2}};
        Solution s = g.solve(params("x", x, "w", w));
        // correlation: 1+2=3, 2+6=8, 0+0=0, 1+2=3; convolution with [[2,0],[0,1]]: 2+1=3, 4+3=7, 0+0=0, 2+1=3
        assertThat(s.answer().get("correlation").toString()).isEqualTo("[[3,8],[0,3]]");
        assertThat(s.answer().get("convolution").toString()).isEqualTo("[[3,7],[0,3]]");
        assertThatThrownBy(() -> g.solve(params("x", x, "w", new int[][] {{1, 0}, {0, 1}}))).hasMessageContaining("rotation");
    }
}

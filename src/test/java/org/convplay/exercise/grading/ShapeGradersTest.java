package org.convplay.exercise.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.convplay.exercise.Parameters;
import org.convplay.exercise.Solution;
import org.junit.jupiter.api.Test;

/** The theory graders' answers, each worked out by hand from docs/conventions.md's formulas. */
class ShapeGradersTest {

    private static Parameters params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new Parameters(m);
    }

    @Test
    void outputSizeWithStrideDilationAndPadding() {
        OutputSizeGrader g = new OutputSizeGrader();
        // floor((28 - 3) / 2) + 1 = 13
        assertThat(g.solve(params("h", 28, "w", 28, "k", 3, "stride", 2, "padding", "valid")).answer().get("output").toString()).isEqualTo("[13,13]");
        // same keeps ceil(n/s): ceil(28/3) = 10, ceil(27/3) = 9
        assertThat(g.solve(params("h", 28, "w", 27, "k", 5, "stride", 3, "padding", "same")).answer().get("output").toString()).isEqualTo("[10,9]");
        // dilation 2 makes a 3x3 span 5: 32 - 5 + 1 = 28
        assertThat(g.solve(params("h", 32, "w", 30, "k", 3, "dilation", 2)).answer().get("output").toString()).isEqualTo("[28,26]");
        // (224 + 6 - 7) / 2 + 1 = 112
        assertThat(g.solve(params("h", 224, "w", 224, "k", 7, "stride", 2, "padding", 3)).answer().get("output").toString()).isEqualTo("[112,112]");
        assertThatThrownBy(() -> g.solve(params("h", 4, "w", 4, "k", 5))).isInstanceOf(IllegalArgumentException.class);
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
    void poolingShapeOfTheNotebooksSecondCase() {
        PoolingShapeGrader g = new PoolingShapeGrader();
        Solution s = g.solve(params("n", 11, "f", 1, "k", 3, "convPadding", "same", "pool", 2, "poolStride", 2, "poolPadding", "same"));
        assertThat(s.answer().get("afterConv").toString()).isEqualTo("[1,11,11]");
        assertThat(s.answer().get("afterPool").toString()).isEqualTo("[1,6,6]");
        // valid pooling drops the last row: floor((11 - 2) / 2) + 1 = 5; valid conv 13 - 5 + 1 = 9 first
        Solution v = g.solve(params("n", 13, "f", 4, "k", 5, "convPadding", "valid", "pool", 2, "poolStride", 2, "poolPadding", "valid"));
        assertThat(v.answer().get("afterConv").toString()).isEqualTo("[4,9,9]");
        assertThat(v.answer().get("afterPool").toString()).isEqualTo("[4,4,4]");
    }

    @Test
    void convParametersWithAndWithoutGroups() {
        ConvParametersGrader g = new ConvParametersGrader();
        assertThat(g.solve(params("c", 3, "f", 32, "k", 3)).answer().get("parameters").asLong()).isEqualTo(32 * 27 + 32);
        Solution depthwise = g.solve(params("c", 32, "f", 32, "k", 3, "groups", 32));
        assertThat(depthwise.answer().get("kernelShape").toString()).isEqualTo("[32,1,3,3]");
        assertThat(depthwise.answer().get("parameters").asLong()).isEqualTo(32 * 9 + 32);
        assertThatThrownBy(() -> g.solve(params("c", 6, "f", 8, "k", 3, "groups", 4))).hasMessageContaining("groups");
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

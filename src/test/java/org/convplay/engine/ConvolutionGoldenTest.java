package org.convplay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The hand-worked cases of docs/conventions.md, run through the reference engine. */
class ConvolutionGoldenTest {

    private final ReferenceEngine engine = new ReferenceEngine();

    private double[][] conv(double[][] x, double[][] w, ConvSpec spec) {
        return engine.convolve(Tensor.of(x), Kernel.of(w), spec).toArray(0);
    }

    /** Rows 1..h*w, counting along rows: x[y][x] = y*w + x + 1. */
    private static double[][] counting(int h, int w) {
        double[][] a = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[y][x] = y * w + x + 1;
            }
        }
        return a;
    }

    private static double[][] impulse(int n, int at) {
        double[][] a = new double[n][n];
        a[at][at] = 1;
        return a;
    }

    @Test
    void theNotebooksXKernelOnItsFiveByFiveGivesItsThreeByThree() {
        double[][] x = {{1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}};
        double[][] w = {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}};
        assertThat(conv(x, w, ConvSpec.DEFAULT)).isDeepEqualTo(new double[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}});
    }

    @Test
    void anAsymmetricKernelTellsConvolutionFromCorrelation() {
        double[][] x = counting(3, 3); // 1 2 3 / 4 5 6 / 7 8 9
        double[][] w = {{1, 2}, {3, 4}};
        // correlation: top-left window 1*1 + 2*2 + 4*3 + 5*4
        assertThat(conv(x, w, ConvSpec.DEFAULT)).isDeepEqualTo(new double[][] {
                {1 * 1 + 2 * 2 + 4 * 3 + 5 * 4, 2 * 1 + 3 * 2 + 5 * 3 + 6 * 4},
                {4 * 1 + 5 * 2 + 7 * 3 + 8 * 4, 5 * 1 + 6 * 2 + 8 * 3 + 9 * 4}});
        // convolution: the kernel rotated 180 degrees, [[4, 3], [2, 1]]
        assertThat(conv(x, w, ConvSpec.DEFAULT.withFlip(true))).isDeepEqualTo(new double[][] {
                {1 * 4 + 2 * 3 + 4 * 2 + 5 * 1, 2 * 4 + 3 * 3 + 5 * 2 + 6 * 1},
                {4 * 4 + 5 * 3 + 7 * 2 + 8 * 1, 5 * 4 + 6 * 3 + 8 * 2 + 9 * 1}});
    }

    /** a b c d = 1 2 3 4 padded by 2 on the left and right, read back through a 1x1 identity kernel. */
    private double[] padAbcd(Border border) {
        double[][] out = conv(new double[][] {{1, 2, 3, 4}}, new double[][] {{1}},
                ConvSpec.DEFAULT.withPadding(Padding.explicit(0, 0, 2, 2)).withBorder(border));
        return out[0];
    }

    @Test
    void everyBorderFillsThePaddingAsTheTableSays() {
        assertThat(padAbcd(Border.ZERO)).containsExactly(0, 0, 1, 2, 3, 4, 0, 0);
        assertThat(padAbcd(Border.REFLECT)).containsExactly(3, 2, 1, 2, 3, 4, 3, 2);
        assertThat(padAbcd(Border.SYMMETRIC)).containsExactly(2, 1, 1, 2, 3, 4, 4, 3);
        assertThat(padAbcd(Border.REPLICATE)).containsExactly(1, 1, 1, 2, 3, 4, 4, 4);
        assertThat(padAbcd(Border.WRAP)).containsExactly(3, 4, 1, 2, 3, 4, 1, 2);
    }

    @Test
    void bordersWiderThanTheInputKeepRepeating() {
        // np.pad([1,2,3,4], 6, mode=...) measured with NumPy 2.4
        double[][] x = {{1, 2, 3, 4}};
        ConvSpec wide = ConvSpec.DEFAULT.withPadding(Padding.explicit(0, 0, 6, 6));
        assertThat(conv(x, new double[][] {{1}}, wide.withBorder(Border.REFLECT))[0])
                .containsExactly(1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4);
        assertThat(conv(x, new double[][] {{1}}, wide.withBorder(Border.SYMMETRIC))[0])
                .containsExactly(3, 4, 4, 3, 2, 1, 1, 2, 3, 4, 4, 3, 2, 1, 1, 2);
    }

    /**
     * Impulse at (2, 2) of a 5x5, kernel [[1, 2], [3, 4]], {@code same}: total padding 1.
     * Correlation puts w[j][i] at (2 - j + before, 2 - i + before); convolution puts w[1-j][1-i] there.
     */
    private double[][] evenSame(Convention c) {
        ConvSpec spec = c.resolve(ConvSettings.EMPTY.withPadding(Padding.SAME).withBorder(Border.ZERO));
        return conv(impulse(5, 2), new double[][] {{1, 2}, {3, 4}}, spec);
    }

    @Test
    void anEvenKernelsOddSamePaddingGoesAfterForTensorflowPytorchAndCorrelate2d() {
        for (Convention c : new Convention[] {Convention.TENSORFLOW, Convention.PYTORCH, Convention.SCIPY}) {
            double[][] out = evenSame(c);
            assertThat(out.length).isEqualTo(5);
            // before = 0: the kernel appears upside down with w[0][0] at the impulse
            assertThat(out[2][2]).as(c.id()).isEqualTo(1);
            assertThat(out[2][1]).as(c.id()).isEqualTo(2);
            assertThat(out[1][2]).as(c.id()).isEqualTo(3);
            assertThat(out[1][1]).as(c.id()).isEqualTo(4);
            assertThat(sum(out)).isEqualTo(10);
        }
    }

    @Test
    void anEvenKernelsOddSamePaddingGoesBeforeForOpenCv() {
        double[][] out = evenSame(Convention.OPENCV);
        assertThat(out[3][3]).isEqualTo(1);
        assertThat(out[3][2]).isEqualTo(2);
        assertThat(out[2][3]).isEqualTo(3);
        assertThat(out[2][2]).isEqualTo(4);
        assertThat(sum(out)).isEqualTo(10);
    }

    /**
     * OpenCV's documented true convolution: filter2D correlates with the anchor at {@code (kw/2, kh/2)};
     * to convolve, flip the kernel and move the anchor to {@code (kw-1-anchor.x, kh-1-anchor.y)}. For
     * {@code [1, 2]} that is the kernel {@code [2, 1]} with anchor 0: {@code out[i] = 2*x[i] + 1*x[i+1]},
     * the padding after the row.
     */
    @Test
    void openCvsTrueConvolutionMovesTheAnchorSoAnEvenKernelPadsAfter() {
        ConvSettings sameZeroFlip = ConvSettings.EMPTY.withPadding(Padding.SAME).withBorder(Border.ZERO).withFlip(true);
        double[][] out = conv(new double[][] {{1, 2, 3}}, new double[][] {{1, 2}}, Convention.OPENCV.resolve(sameZeroFlip));
        assertThat(out).isDeepEqualTo(new double[][] {{2 * 1 + 1 * 2, 2 * 2 + 1 * 3, 2 * 3 + 1 * 0}}); // 4 7 6
        // without flip the anchor stays at 1: out[i] = 1*x[i-1] + 2*x[i]
        ConvSettings sameZero = sameZeroFlip.withFlip(false);
        assertThat(conv(new double[][] {{1, 2, 3}}, new double[][] {{1, 2}}, Convention.OPENCV.resolve(sameZero)))
                .isDeepEqualTo(new double[][] {{1 * 0 + 2 * 1, 1 * 1 + 2 * 2, 1 * 2 + 2 * 3}}); // 2 5 8
    }

    @Test
    void openCvsTrueConvolutionOfAFourWideKernelWithItsDefaultBorder() {
        // kernel [1, 2, 3, 4] flipped to [4, 3, 2, 1], anchor 4-1-2 = 1: out[i] = 4x[i-1] + 3x[i] + 2x[i+1] + x[i+2],
        // the row 1..5 read past its ends as reflect (REFLECT_101): x[-1] = 2, x[5] = 4, x[6] = 3
        ConvSpec spec = Convention.OPENCV.resolve(ConvSettings.EMPTY.withFlip(true));
        double[][] out = conv(new double[][] {{1, 2, 3, 4, 5}}, new double[][] {{1, 2, 3, 4}}, spec);
        assertThat(out).isDeepEqualTo(new double[][] {{
            4 * 2 + 3 * 1 + 2 * 2 + 3, 4 * 1 + 3 * 2 + 2 * 3 + 4, 4 * 2 + 3 * 3 + 2 * 4 + 5,
            4 * 3 + 3 * 4 + 2 * 5 + 4, 4 * 4 + 3 * 5 + 2 * 4 + 3}}); // 18 20 30 38 42
    }

    @Test
    void openCvsTrueConvolutionOfAnImpulseShowsTheKernelUprightAboveAndLeftOfIt() {
        // [[1, 2], [3, 4]] flipped, anchor (0, 0): out(y, x) = sum w(1-j, 1-i) * in(y+j, x+i), so the impulse
        // at (2, 2) writes w(1-j, 1-i) at (2-j, 2-i): w(0, 0) = 1 lands at (1, 1)
        ConvSettings sameZeroFlip = ConvSettings.EMPTY.withPadding(Padding.SAME).withBorder(Border.ZERO).withFlip(true);
        double[][] out = conv(impulse(5, 2), new double[][] {{1, 2}, {3, 4}}, Convention.OPENCV.resolve(sameZeroFlip));
        assertThat(out[1][1]).isEqualTo(1);
        assertThat(out[1][2]).isEqualTo(2);
        assertThat(out[2][1]).isEqualTo(3);
        assertThat(out[2][2]).isEqualTo(4);
        assertThat(sum(out)).isEqualTo(10);
    }

    @Test
    void scipyNdimageCentresEvenKernelsLikeOpenCvAndTheOtherWayFromScipySignal() {
        // ndimage.correlate puts the kernel's centre at k//2 (pads before), ndimage.convolve flips and moves the
        // origin by one for even sizes (pads after): measured with SciPy 1.17.1 on [[1, 2, 3]] and [[1, 2]], mode
        // 'constant': correlate [[2, 5, 8]], convolve [[4, 7, 6]]; scipy.signal's 'same' gives [[5, 8, 3]] and [[1, 4, 7]]
        double[][] x = {{1, 2, 3}};
        double[][] w = {{1, 2}};
        ConvSettings zero = ConvSettings.EMPTY.withBorder(Border.ZERO);
        assertThat(conv(x, w, Convention.SCIPY_NDIMAGE.resolve(zero))).isDeepEqualTo(new double[][] {{2, 5, 8}});
        assertThat(conv(x, w, Convention.SCIPY_NDIMAGE.resolve(zero.withFlip(true)))).isDeepEqualTo(new double[][] {{4, 7, 6}});
        ConvSettings same = zero.withPadding(Padding.SAME);
        assertThat(conv(x, w, Convention.SCIPY.resolve(same))).isDeepEqualTo(new double[][] {{5, 8, 3}});
        assertThat(conv(x, w, Convention.SCIPY.resolve(same.withFlip(true)))).isDeepEqualTo(new double[][] {{1, 4, 7}});
    }

    @Test
    void scipyNdimagesDefaultBorderRepeatsTheEdge() {
        // ndimage.correlate([1, 2, 3, 4], [1, 0, 0]) with its default mode 'reflect' gives [1, 1, 2, 3] (SciPy 1.17.1)
        assertThat(conv(new double[][] {{1, 2, 3, 4}}, new double[][] {{1, 0, 0}}, Convention.SCIPY_NDIMAGE.resolve(ConvSettings.EMPTY)))
                .isDeepEqualTo(new double[][] {{1, 1, 2, 3}});
    }

    @Test
    void theanoAndConvolve2dPadBeforeAndFlipSoTheKernelAppearsUpright() {
        ConvSpec scipyConvolve = Convention.SCIPY.resolve(ConvSettings.EMPTY.withPadding(Padding.SAME).withFlip(true));
        for (double[][] out : new double[][][] {evenSame(Convention.THEANO),
                conv(impulse(5, 2), new double[][] {{1, 2}, {3, 4}}, scipyConvolve)}) {
            assertThat(out[2][2]).isEqualTo(1);
            assertThat(out[2][3]).isEqualTo(2);
            assertThat(out[3][2]).isEqualTo(3);
            assertThat(out[3][3]).isEqualTo(4);
            assertThat(sum(out)).isEqualTo(10);
        }
    }

    @Test
    void scipysSameModesMatchWhatSciPyMeasured() {
        // scipy.signal.correlate2d / convolve2d(x, w, 'same'), SciPy 1.17, x = 5x5 impulse at (2,2), w = 1..16 as 4x4
        double[][] w = counting(4, 4);
        double[][] x = impulse(5, 2);
        ConvSettings same = ConvSettings.EMPTY.withPadding(Padding.SAME);
        assertThat(conv(x, w, Convention.SCIPY.resolve(same))).isDeepEqualTo(new double[][] {
                {16, 15, 14, 13, 0}, {12, 11, 10, 9, 0}, {8, 7, 6, 5, 0}, {4, 3, 2, 1, 0}, {0, 0, 0, 0, 0}});
        assertThat(conv(x, w, Convention.SCIPY.resolve(same.withFlip(true)))).isDeepEqualTo(new double[][] {
                {0, 0, 0, 0, 0}, {0, 1, 2, 3, 4}, {0, 5, 6, 7, 8}, {0, 9, 10, 11, 12}, {0, 13, 14, 15, 16}});
    }

    @Test
    void strideTwoSumsEveryOtherWindow() {
        double[][] out = conv(counting(4, 4), new double[][] {{1, 1}, {1, 1}}, ConvSpec.DEFAULT.withStride(2, 2));
        assertThat(out).isDeepEqualTo(new double[][] {{1 + 2 + 5 + 6, 3 + 4 + 7 + 8}, {9 + 10 + 13 + 14, 11 + 12 + 15 + 16}});
    }

    @Test
    void withAStrideTheanosSameWindowsStartBeforeTheImageAndTensorflowsDoNot() {
        // 1x6 row, kernel [1, 0, 0] picks each window's first cell; n=6, k=3, s=2: total padding 1
        double[][] x = {{1, 2, 3, 4, 5, 6}};
        double[][] pick = {{1, 0, 0}};
        ConvSettings same = ConvSettings.EMPTY.withPadding(Padding.SAME).withStride(1, 2).withFlip(false);
        assertThat(conv(x, pick, Convention.TENSORFLOW.resolve(same))).isDeepEqualTo(new double[][] {{1, 3, 5}});
        assertThat(conv(x, pick, Convention.THEANO.resolve(same))).isDeepEqualTo(new double[][] {{0, 2, 4}});
    }

    @Test
    void dilationTwoSpreadsTheKernelOverEveryOtherCell() {
        double[][] x = counting(5, 5);
        double[][] out = conv(x, new double[][] {{1, 10}, {100, 1000}}, ConvSpec.DEFAULT.withDilation(2, 2));
        assertThat(out.length).isEqualTo(3);
        assertThat(out[0][0]).isEqualTo(1 + 10 * 3 + 100 * 11 + 1000 * 13);
        assertThat(out[2][1]).isEqualTo(12 + 10 * 14 + 100 * 22 + 1000 * 24);
    }

    @Test
    void fullPadsTheKernelLengthMinusOneOnEachSide() {
        double[][] out = conv(new double[][] {{1, 2, 3}}, new double[][] {{1, 10}},
                ConvSpec.DEFAULT.withPadding(Padding.FULL));
        // full also pads rows: a 1-row kernel pads no rows
        assertThat(out).isDeepEqualTo(new double[][] {{0 + 10 * 1, 1 + 10 * 2, 2 + 10 * 3, 3 + 0}});
    }

    @Test
    void halfPadsHalfTheDilatedExtentOnEachSide() {
        double[][] x = {{1, 2, 3}};
        assertThat(conv(x, new double[][] {{1, 10, 100}}, ConvSpec.DEFAULT.withPadding(Padding.HALF)))
                .isDeepEqualTo(new double[][] {{0 + 10 * 1 + 100 * 2, 1 + 10 * 2 + 100 * 3, 2 + 10 * 3 + 0}});
        // k = 2 dilated by 2 spans 3 cells: pad 1 each side, out[i] = in[i-1] + 10 * in[i+1]
        assertThat(conv(x, new double[][] {{1, 10}}, ConvSpec.DEFAULT.withPadding(Padding.HALF).withDilation(1, 2)))
                .isDeepEqualTo(new double[][] {{0 + 10 * 2, 1 + 10 * 3, 2 + 0}});
    }

    @Test
    void theTheoryExercisesValidConvolutionGivesNinetyEight() {
        ConvGeometry.Plan plan = ConvGeometry.plan(100, 100, 3, 3, ConvSpec.DEFAULT);
        assertThat(plan.outHeight()).isEqualTo(98);
        assertThat(ConvGeometry.denseParameters(100 * 100, 98 * 98)).isEqualTo(96_049_604L);
        assertThat(ConvGeometry.convParameters(1, 1, 1, 3, 3, true)).isEqualTo(10);
    }

    @Test
    void aKernelLargerThanTheInputIsAnErrorNamingTheSizes() {
        assertThatThrownBy(() -> conv(counting(2, 2), counting(3, 3), ConvSpec.DEFAULT))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("(3)")
                .hasMessageContaining("2 + 0 + 0");
    }

    @Test
    void multiChannelGroupedConvolutionAddsBiasPerFilter() {
        // 2 channels, 2 groups (depthwise): filter f sees only channel f
        Tensor x = Tensor.of(new double[][][] {{{1, 2}, {3, 4}}, {{10, 20}, {30, 40}}});
        Kernel k = Kernel.of(new double[][][][] {{{{1, 0}, {0, 0}}}, {{{0, 0}, {0, 1}}}}, new double[] {0.5, -1});
        Tensor out = engine.convolve(x, k, ConvSpec.DEFAULT.withGroups(2));
        assertThat(out.shape()).containsExactly(2, 1, 1);
        assertThat(out.get(0, 0, 0)).isEqualTo(1 + 0.5f);
        assertThat(out.get(1, 0, 0)).isEqualTo(40 - 1f);
    }

    private static double sum(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v;
            }
        }
        return s;
    }
}

package org.convplay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoolingTest {

    private static Tensor row(double... values) {
        return Tensor.of(new double[][] {values});
    }

    /** A 1 x p window over a single row, so only the width axis matters. */
    private static PoolSpec rowPool(int p, Padding padding) {
        return new PoolSpec(1, p, 1, p, padding);
    }

    @Test
    void validMaxPoolingTakesEachBlocksLargestAndDropsTheRemainder() {
        Tensor x = Tensor.of(new double[][] {{1, 5, 2, 0, 9}, {3, 4, 8, 1, 9}, {9, 9, 9, 9, 9}});
        Tensor out = Pooling.max(x, PoolSpec.of(2, 2), Convention.TENSORFLOW);
        assertThat(out.toArray(0)).isDeepEqualTo(new double[][] {{5, 8}});
    }

    @Test
    void averagePoolingDividesByTheWindow() {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});
        Tensor out = Pooling.average(x, PoolSpec.of(2, 2), Convention.TENSORFLOW);
        assertThat(out.toArray(0)).isDeepEqualTo(new double[][] {{(1 + 2 + 5 + 6) / 4.0, (3 + 4 + 7 + 8) / 4.0}});
    }

    @Test
    void theanoSamePoolingStartsOneCellBeforeTheImageForATwoByTwo() {
        // 11 cells, 2-wide: pad 1 each side, windows {-1,0},{1,2},...,{9,10}: six of them
        Tensor x = row(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        Tensor out = Pooling.max(x, rowPool(2, Padding.SAME), Convention.THEANO);
        assertThat(out.toArray(0)[0]).containsExactly(1, 3, 5, 7, 9, 11);
        Pooling.Plan plan = Pooling.plan(1, 11, rowPool(2, Padding.SAME), Convention.THEANO);
        assertThat(plan.pads().left()).isEqualTo(1);
        assertThat(plan.outWidth()).isEqualTo(6);
    }

    @Test
    void tensorflowSamePoolingPadsAtTheEnd() {
        // windows {0,1},{2,3},...,{10,pad}
        Tensor x = row(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(Pooling.max(x, rowPool(2, Padding.SAME), Convention.TENSORFLOW).toArray(0)[0])
                .containsExactly(2, 4, 6, 8, 10, 11);
    }

    @Test
    void paddedCellsNeverWinAMaxEvenOverNegativeValues() {
        Tensor x = row(-5, -3, -7);
        assertThat(Pooling.max(x, rowPool(2, Padding.SAME), Convention.TENSORFLOW).toArray(0)[0]).containsExactly(-3, -7);
        assertThat(Pooling.max(x, rowPool(2, Padding.SAME), Convention.THEANO).toArray(0)[0]).containsExactly(-5, -3);
        assertThat(Pooling.max(x, rowPool(2, Padding.explicit(0, 0, 1, 1)), Convention.PYTORCH).toArray(0)[0])
                .containsExactly(-5, -3);
    }

    @Test
    void tensorflowAndTheanoAveragesLeaveThePaddingOut() {
        Tensor x = row(2, 4, 6);
        assertThat(Pooling.average(x, rowPool(2, Padding.SAME), Convention.TENSORFLOW).toArray(0)[0]).containsExactly(3, 6);
        assertThat(Pooling.average(x, rowPool(2, Padding.SAME), Convention.THEANO).toArray(0)[0]).containsExactly(2, 5);
    }

    @Test
    void pytorchAveragesCountThePaddedZerosAsCountIncludePadDoes() {
        Tensor x = row(2, 4, 6);
        assertThat(Pooling.average(x, rowPool(2, Padding.explicit(0, 0, 1, 1)), Convention.PYTORCH).toArray(0)[0])
                .containsExactly((0 + 2) / 2.0, (4 + 6) / 2.0);
    }

    @Test
    void theanoSamePaddingOfAnOddPoolIsTheSizeMinusTwo() {
        // 3-wide on 7 cells, stride 3: pad 1, windows {-1,0,1},{2,3,4},{5,6,7}: ceil(7/3) = 3 kept
        Pooling.Plan plan = Pooling.plan(1, 7, rowPool(3, Padding.SAME), Convention.THEANO);
        assertThat(plan.pads().left()).isEqualTo(1);
        assertThat(plan.outWidth()).isEqualTo(3);
        Tensor out = Pooling.max(row(1, 2, 3, 4, 5, 6, 7), rowPool(3, Padding.SAME), Convention.THEANO);
        assertThat(out.toArray(0)[0]).containsExactly(2, 5, 7);
    }

    @Test
    void theStrideDefaultsToThePoolSize() {
        PoolSpec spec = PoolSpec.of(3, 2);
        assertThat(spec.strideY()).isEqualTo(3);
        assertThat(spec.strideX()).isEqualTo(2);
    }

    @Test
    void pytorchPoolingHasNoSame() {
        assertThatThrownBy(() -> Pooling.max(row(1, 2, 3), rowPool(2, Padding.SAME), Convention.PYTORCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PyTorch pooling has no 'same'");
    }

    @Test
    void pytorchRefusesPaddingOverHalfThePool() {
        assertThatThrownBy(() -> Pooling.max(row(1, 2, 3), rowPool(2, Padding.explicit(0, 0, 2, 0)), Convention.PYTORCH))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("half the pool size (2)");
    }

    @Test
    void aWindowOfOnlyPaddingIsAnError() {
        assertThatThrownBy(() -> Pooling.max(row(1, 2, 3), rowPool(2, Padding.explicit(0, 0, 2, 0)), Convention.TENSORFLOW))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("only padding");
        assertThatThrownBy(() -> Pooling.average(row(1, 2, 3), rowPool(2, Padding.explicit(0, 0, 0, 3)), Convention.TENSORFLOW))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("only padding");
    }

    @Test
    void aPoolLargerThanTheInputIsAnErrorNamingTheSizes() {
        assertThatThrownBy(() -> Pooling.max(row(1, 2, 3), rowPool(4, Padding.VALID), Convention.TENSORFLOW))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("width (4)")
                .hasMessageContaining("3 + 0 + 0");
    }

    @Test
    void fullAndHalfAreNotPoolingPaddings() {
        assertThatThrownBy(() -> PoolSpec.of(2, 2).withPadding(Padding.FULL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("full");
    }

    @Test
    void poolingKeepsChannelsApart() {
        Tensor x = Tensor.of(new double[][][] {{{1, 2}, {3, 4}}, {{-1, -2}, {-3, -4}}});
        Tensor out = Pooling.max(x, PoolSpec.of(2, 2), Convention.PYTORCH);
        assertThat(out.shape()).containsExactly(2, 1, 1);
        assertThat(out.get(0, 0, 0)).isEqualTo(4);
        assertThat(out.get(1, 0, 0)).isEqualTo(-1);
    }
}

package org.convplay.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.convplay.shared.BadRequestException;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Padding;
import org.junit.jupiter.api.Test;

/** What the sliding-window animation is given: padding filled as the border says, and sums that are the output. */
class SlidingWindowServiceTest {

    final SlidingWindowService service = new SlidingWindowService(new ConvolutionService());
    static final double[][] NOTEBOOK = {{1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}};

    @Test
    void theNotebooksFigureHasNoPaddingAndItsSumsAreTheNotebooksOutput() {
        WindowPlan plan = service.plan(NOTEBOOK, KernelPreset.NOTEBOOK_X.weights(), ConvSpec.DEFAULT);
        assertThat(plan.pads()).containsExactly(0, 0, 0, 0);
        assertThat(plan.grid()).isDeepEqualTo(NOTEBOOK);
        assertThat(plan.output()).isDeepEqualTo(new double[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}});
        assertThat(plan.sum(1, 0)).isEqualTo(2);
    }

    @Test
    void paddingCellsHoldTheBorderFill() {
        double[][] row = {{1, 2, 3, 4}};
        // docs/conventions.md: "a b c d" padded by 2 with reflect is "c b a b c d c b"
        WindowPlan plan = service.plan(row, new double[][] {{0, 0, 0, 0, 1}}, ConvSpec.DEFAULT
                .withPadding(Padding.explicit(0, 0, 2, 2)).withBorder(Border.REFLECT));
        assertThat(plan.grid()[0]).containsExactly(3, 2, 1, 2, 3, 4, 3, 2);
        assertThat(plan.fill()).isEqualTo("reflect");
        WindowPlan wrap = service.plan(row, new double[][] {{1}}, ConvSpec.DEFAULT
                .withPadding(Padding.explicit(0, 0, 2, 2)).withBorder(Border.WRAP));
        assertThat(wrap.grid()[0]).containsExactly(3, 4, 1, 2, 3, 4, 1, 2);
    }

    @Test
    void aFlippingConvolutionShowsTheRotatedKernelAndItsSumsStillMatchTheEngine() {
        double[][] kernel = {{1, 2}, {3, 4}};
        WindowPlan plan = service.plan(NOTEBOOK, kernel, ConvSpec.DEFAULT.withFlip(true)
                .withPadding(Padding.SAME).withStride(2, 1).withDilation(1, 2));
        assertThat(plan.flipped()).isTrue();
        assertThat(plan.kernel()).isDeepEqualTo(new double[][] {{4, 3}, {2, 1}});
        for (int r = 0; r < plan.output().length; r++) {
            for (int c = 0; c < plan.output()[0].length; c++) {
                assertThat(plan.sum(r, c)).as("out[%d][%d]", r, c).isCloseTo(plan.output()[r][c], within(1e-6));
            }
        }
    }

    @Test
    void aGridTooLargeToDrawIsRefusedWithItsSize() {
        assertThatThrownBy(() -> service.plan(new double[64][64], new double[40][1], ConvSpec.DEFAULT.withPadding(Padding.FULL)))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("with its padding the input is 142x64; the animation draws at most 96x96 cells");
    }
}

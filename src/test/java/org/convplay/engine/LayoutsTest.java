package org.convplay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LayoutsTest {

    @Test
    void channelsMoveLastAndBack() {
        // value = 100*c + 10*y + x, so each entry says where it came from
        double[][][] chw = new double[2][3][4];
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    chw[c][y][x] = 100 * c + 10 * y + x;
                }
            }
        }
        double[][][] hwc = Layouts.chwToHwc(chw);
        assertThat(hwc.length).isEqualTo(3);
        assertThat(hwc[0].length).isEqualTo(4);
        assertThat(hwc[2][3]).containsExactly(23, 123);
        assertThat(Layouts.hwcToChw(hwc)).isDeepEqualTo(chw);
    }

    @Test
    void kernelsGoFromOihwToHwioAndBack() {
        double[][][][] oihw = new double[3][2][2][1];
        for (int f = 0; f < 3; f++) {
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < 2; y++) {
                    oihw[f][c][y][0] = 1000 * f + 100 * c + 10 * y;
                }
            }
        }
        double[][][][] hwio = Layouts.oihwToHwio(oihw);
        assertThat(hwio.length).isEqualTo(2);
        assertThat(hwio[0].length).isEqualTo(1);
        assertThat(hwio[1][0][1]).containsExactly(110, 1110, 2110);
        assertThat(Layouts.hwioToOihw(hwio)).isDeepEqualTo(oihw);
    }

    @Test
    void raggedArraysAreRejectedWithTheirIndex() {
        assertThatThrownBy(() -> Layouts.chwToHwc(new double[][][] {{{1, 2}, {3}}}))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("[0][1] has 1 entries, expected 2");
        assertThatThrownBy(() -> Layouts.oihwToHwio(new double[][][][] {{{{1}}}, {{{1, 2}}}}))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("[1]");
    }

    @Test
    void aKernelReadsBackAsNestedArrays() {
        double[][][][] w = {{{{1, 2}, {3, 4}}}};
        assertThat(Layouts.toArray(Kernel.of(w, null))).isDeepEqualTo(w);
    }
}

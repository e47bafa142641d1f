package org.convplay.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NdArrayTest {

    @Test
    void transposeMovesChannelsLastAndBackLikeNumpy() {
        // C x H x W = 2 x 2 x 3, values 0..11
        double[] v = new double[12];
        for (int i = 0; i < 12; i++) {
            v[i] = i;
        }
        NdArray chw = new NdArray(new int[] {2, 2, 3}, v);
        NdArray hwc = chw.transpose(1, 2, 0);
        assertThat(hwc.shape()).containsExactly(2, 3, 2);
        // hwc[y][x][c] = chw[c][y][x]: [0][0] = (0, 6), [0][1] = (1, 7), [1][2] = (5, 11)
        assertThat(hwc.values()).containsExactly(0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11);
        assertThat(hwc.transpose(2, 0, 1)).isEqualTo(chw);
    }

    @Test
    void transposeOfAKernelTurnsHwioIntoOihw() {
        // kh x kw x C x F = 1 x 2 x 2 x 3, values 0..11: w[0][x][c][f] = x*6 + c*3 + f
        double[] v = new double[12];
        for (int i = 0; i < 12; i++) {
            v[i] = i;
        }
        NdArray oihw = new NdArray(new int[] {1, 2, 2, 3}, v).transpose(3, 2, 0, 1);
        assertThat(oihw.shape()).containsExactly(3, 2, 1, 2);
        // oihw[f][c][0][x] = x*6 + c*3 + f; first filter, first channel: x = 0, 1 -> 0, 6
        assertThat(oihw.values()[0]).isEqualTo(0);
        assertThat(oihw.values()[1]).isEqualTo(6);
        // filter 2, channel 1, x = 1 -> 6 + 3 + 2 = 11, the last value
        assertThat(oihw.values()[11]).isEqualTo(11);
    }
}

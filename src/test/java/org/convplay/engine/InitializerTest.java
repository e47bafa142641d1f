package org.convplay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InitializerTest {

    @Test
    void theNotebooksLayerHasLimitRootOfSixOverEighteen() {
        // 1 channel, 1 filter, 3x3: fan_in = 9, fan_out = 9
        assertThat(Initializer.glorotLimit(1, 1, 3, 3)).isEqualTo(Math.sqrt(6.0 / 18));
        // 3 channels, 8 filters, 5x5: fan_in = 75, fan_out = 200
        assertThat(Initializer.glorotLimit(8, 3, 5, 5)).isEqualTo(Math.sqrt(6.0 / 275));
    }

    @Test
    void glorotWeightsStayWithinTheLimitAndSpreadAcrossIt() {
        Kernel k = Initializer.GLOROT_UNIFORM.create(16, 4, 3, 3, 1);
        float limit = (float) Math.sqrt(6.0 / (4 * 9 + 16 * 9));
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float w : k.weights()) {
            assertThat(w).isBetween(-limit, limit);
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        // 576 uniform draws: the extremes come close to the limits, so the scale is right
        assertThat(max).isGreaterThan(0.9f * limit);
        assertThat(min).isLessThan(-0.9f * limit);
    }

    @Test
    void biasStartsAtZero() {
        Kernel k = Initializer.GLOROT_UNIFORM.create(3, 1, 3, 3, 5);
        assertThat(k.bias()).containsExactly(0, 0, 0);
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        Kernel a = Initializer.GLOROT_UNIFORM.create(1, 1, 3, 3, 7);
        Kernel b = Initializer.GLOROT_UNIFORM.create(1, 1, 3, 3, 7);
        Kernel c = Initializer.GLOROT_UNIFORM.create(1, 1, 3, 3, 8);
        assertThat(a.weights()).containsExactly(b.weights());
        assertThat(a.weights()).isNotEqualTo(c.weights());
    }

    @Test
    void zerosAndOnesFillTheKernel() {
        assertThat(Initializer.ZEROS.create(2, 1, 2, 2, 0).weights()).containsOnly(0f).hasSize(8);
        assertThat(Initializer.ONES.create(2, 1, 2, 2, 0).weights()).containsOnly(1f).hasSize(8);
        assertThat(Initializer.fromId("glorot_uniform")).isEqualTo(Initializer.GLOROT_UNIFORM);
    }
}

package org.convplay.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The embed's colour levels: the matrices' maps in steps, with readable text on each. */
class ColourLevelsTest {

    @Test
    void valuesOfOneSignUseViridisFromTheirLowestToTheirHighest() {
        ColourLevels c = ColourLevels.of(new float[] {2, 3, 10});
        assertThat(c.diverging()).isFalse();
        assertThat(c.cssClass(2)).isEqualTo("v0");
        assertThat(c.cssClass(10)).isEqualTo("v15");
        assertThat(c.cssClass(6)).isEqualTo("v8");
    }

    @Test
    void aNegativeValueMakesTheScaleDivergingAndSymmetricAroundZero() {
        ColourLevels c = ColourLevels.of(new float[] {-1, 0, 4});
        assertThat(c.diverging()).isTrue();
        assertThat(c.low()).isEqualTo(-4);
        assertThat(c.high()).isEqualTo(4);
        assertThat(c.cssClass(-4)).isEqualTo("d0");
        assertThat(c.cssClass(0)).isEqualTo("d8");
        assertThat(c.cssClass(4)).isEqualTo("d15");
    }

    @Test
    void darkLevelsGetWhiteTextAndLightLevelsBlack() {
        assertThat(ColourLevels.textOn(new int[] {68, 1, 84})).isEqualTo("#fff");
        assertThat(ColourLevels.textOn(new int[] {253, 231, 37})).isEqualTo("#000");
        assertThat(ColourLevels.css()).contains("td.v0,span.v0{background:#").contains("td.d15,span.d15{").contains("color:#fff");
    }
}

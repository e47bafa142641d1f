package org.convplay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConventionTest {

    @Test
    void idsAreLowerCaseAndReadBack() {
        for (Convention c : Convention.values()) {
            assertThat(Convention.fromId(c.id())).isSameAs(c);
        }
        assertThat(Convention.THEANO.id()).isEqualTo("theano");
        assertThat(Convention.SCIPY_NDIMAGE.id()).isEqualTo("scipy-ndimage");
    }

    @Test
    void scipyNdimageIsReadAsPythonWritesTheModuleToo() {
        assertThat(Convention.fromId("scipy.ndimage")).isSameAs(Convention.SCIPY_NDIMAGE);
        assertThat(Convention.fromId("scipy")).isSameAs(Convention.SCIPY);
    }

    @Test
    void anUnknownIdIsRejectedListingTheValidOnes() {
        assertThatThrownBy(() -> Convention.fromId("keras"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'keras'")
                .hasMessageContaining("theano, tensorflow, pytorch, opencv, scipy, scipy-ndimage");
    }

    @Test
    void theanoFlipsByDefaultAndTheOthersDoNot() {
        assertThat(Convention.THEANO.resolve(ConvSettings.EMPTY).flip()).isTrue();
        assertThat(Convention.TENSORFLOW.resolve(ConvSettings.EMPTY).flip()).isFalse();
        assertThat(Convention.PYTORCH.resolve(ConvSettings.EMPTY).flip()).isFalse();
        assertThat(Convention.OPENCV.resolve(ConvSettings.EMPTY).flip()).isFalse();
        assertThat(Convention.SCIPY.resolve(ConvSettings.EMPTY).flip()).isFalse();
        assertThat(Convention.SCIPY_NDIMAGE.resolve(ConvSettings.EMPTY).flip()).isFalse();
    }

    @Test
    void theOddRowOfSameGoesWhereEachFrameworkPutsIt() {
        assertThat(Convention.THEANO.resolve(ConvSettings.EMPTY).sameSide()).isEqualTo(SameSide.THEANO);
        assertThat(Convention.TENSORFLOW.resolve(ConvSettings.EMPTY).sameSide()).isEqualTo(SameSide.AFTER);
        assertThat(Convention.PYTORCH.resolve(ConvSettings.EMPTY).sameSide()).isEqualTo(SameSide.AFTER);
        // filter2D's anchor k/2; true convolution moves it to k-1-k/2
        assertThat(Convention.OPENCV.resolve(ConvSettings.EMPTY).sameSide()).isEqualTo(SameSide.BEFORE);
        assertThat(Convention.OPENCV.resolve(ConvSettings.EMPTY.withFlip(true)).sameSide()).isEqualTo(SameSide.AFTER);
        // ndimage's correlate vs convolve, the other way round from scipy.signal
        assertThat(Convention.SCIPY_NDIMAGE.resolve(ConvSettings.EMPTY).sameSide()).isEqualTo(SameSide.BEFORE);
        assertThat(Convention.SCIPY_NDIMAGE.resolve(ConvSettings.EMPTY.withFlip(true)).sameSide()).isEqualTo(SameSide.AFTER);
        // correlate2d vs convolve2d
        assertThat(Convention.SCIPY.resolve(ConvSettings.EMPTY).sameSide()).isEqualTo(SameSide.AFTER);
        assertThat(Convention.SCIPY.resolve(ConvSettings.EMPTY.withFlip(true)).sameSide()).isEqualTo(SameSide.BEFORE);
    }

    @Test
    void openCvReflectsTheBorderByDefaultAndTheOthersPadWithZeros() {
        assertThat(Convention.OPENCV.resolve(ConvSettings.EMPTY).border()).isEqualTo(Border.REFLECT);
        for (Convention c : new Convention[] {Convention.THEANO, Convention.TENSORFLOW, Convention.PYTORCH, Convention.SCIPY}) {
            assertThat(c.resolve(ConvSettings.EMPTY).border()).as(c.id()).isEqualTo(Border.ZERO);
        }
        // ndimage's default mode 'reflect' repeats the edge: d c b a | a b c d
        assertThat(Convention.SCIPY_NDIMAGE.resolve(ConvSettings.EMPTY).border()).isEqualTo(Border.SYMMETRIC);
    }

    @Test
    void defaultPaddingIsWhatTheFrameworksPlainCallDoes() {
        assertThat(Convention.TENSORFLOW.resolve(ConvSettings.EMPTY).padding()).isEqualTo(Padding.VALID);
        assertThat(Convention.THEANO.resolve(ConvSettings.EMPTY).padding()).isEqualTo(Padding.VALID);
        assertThat(Convention.PYTORCH.resolve(ConvSettings.EMPTY).padding()).isEqualTo(Padding.VALID);
        assertThat(Convention.OPENCV.resolve(ConvSettings.EMPTY).padding()).isEqualTo(Padding.SAME);
        assertThat(Convention.SCIPY.resolve(ConvSettings.EMPTY).padding()).isEqualTo(Padding.FULL);
        assertThat(Convention.SCIPY_NDIMAGE.resolve(ConvSettings.EMPTY).padding()).isEqualTo(Padding.SAME);
    }

    @Test
    void theDefaultConventionGivesTheApisPlainDefaults() {
        assertThat(Convention.orDefault(null).resolve(ConvSettings.EMPTY)).isEqualTo(ConvSpec.DEFAULT);
    }

    @Test
    void fieldsGivenExplicitlyWinOverTheConvention() {
        ConvSettings given = ConvSettings.EMPTY.withFlip(false).withBorder(Border.WRAP)
                .withPadding(Padding.explicit(1, 2, 3, 4)).withStride(2, 3).withDilation(2, 1).withGroups(2);
        ConvSpec spec = Convention.THEANO.resolve(given);
        assertThat(spec.flip()).isFalse();
        assertThat(spec.border()).isEqualTo(Border.WRAP);
        assertThat(spec.padding()).isEqualTo(Padding.explicit(1, 2, 3, 4));
        assertThat(spec.strideY()).isEqualTo(2);
        assertThat(spec.strideX()).isEqualTo(3);
        assertThat(spec.dilationY()).isEqualTo(2);
        assertThat(spec.dilationX()).isEqualTo(1);
        assertThat(spec.groups()).isEqualTo(2);
        assertThat(spec.sameSide()).isEqualTo(SameSide.THEANO);
    }

    @Test
    void pytorchRefusesConvSameWithAStride() {
        assertThat(Convention.PYTORCH.resolve(ConvSettings.EMPTY.withPadding(Padding.SAME)).padding()).isEqualTo(Padding.SAME);
        assertThatThrownBy(() -> Convention.PYTORCH.resolve(ConvSettings.EMPTY.withPadding(Padding.SAME).withStride(2, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stride 1")
                .hasMessageContaining("[2, 1]");
    }

    @Test
    void onlyPytorchRestrictsSame() {
        assertThat(Convention.PYTORCH.allowsSameConv(1, 1)).isTrue();
        assertThat(Convention.PYTORCH.allowsSameConv(1, 2)).isFalse();
        assertThat(Convention.PYTORCH.allowsSamePooling()).isFalse();
        for (Convention c : new Convention[] {Convention.THEANO, Convention.TENSORFLOW, Convention.OPENCV, Convention.SCIPY}) {
            assertThat(c.allowsSameConv(2, 2)).as(c.id()).isTrue();
            assertThat(c.allowsSamePooling()).as(c.id()).isTrue();
        }
    }

    @Test
    void layoutsAreTheFrameworksOwn() {
        assertThat(Convention.THEANO.inputLayout()).isEqualTo("NCHW");
        assertThat(Convention.THEANO.kernelLayout()).isEqualTo("OIHW");
        assertThat(Convention.TENSORFLOW.inputLayout()).isEqualTo("NHWC");
        assertThat(Convention.TENSORFLOW.kernelLayout()).isEqualTo("HWIO");
        assertThat(Convention.TENSORFLOW.channelsLast()).isTrue();
        assertThat(Convention.PYTORCH.channelsLast()).isFalse();
    }

    @Test
    void everyConventionHasANote() {
        for (Convention c : Convention.values()) {
            assertThat(c.note()).isNotBlank();
        }
    }
}

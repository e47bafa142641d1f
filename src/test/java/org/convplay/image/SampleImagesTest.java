package org.convplay.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bundled samples are on the classpath, are what SampleImagesMaker draws, and stay small. */
class SampleImagesTest {

    @ParameterizedTest
    @EnumSource(SampleImage.class)
    void theCommittedFileIsWhatTheMakerDraws(SampleImage sample) {
        DecodedImage img = sample.decode();
        BufferedImage drawn = SampleImagesMaker.draw(sample);
        int channels = sample == SampleImage.GRAY ? 1 : 3;
        assertThat(img.layout().channels()).hasSize(channels);
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                for (int c = 0; c < channels; c++) {
                    assertThat(img.samples().get(c, y, x)).isEqualTo((float) drawn.getRaster().getSample(x, y, c));
                }
            }
        }
        assertThat(sample.bytes().length).isLessThan(100_000);
    }
}

package org.convplay.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.convplay.shared.Limits;
import org.convplay.engine.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** PNG and JPEG files in every layout the page accepts, and the files it refuses, each with its reason. */
class ImageDecoderTest {

    @ParameterizedTest(name = "{0} channel(s), {1}-bit PNG")
    @CsvSource({"1, 8, GRAY", "2, 8, GRAY_ALPHA", "3, 8, RGB", "4, 8, RGBA",
        "1, 16, GRAY", "2, 16, GRAY_ALPHA", "3, 16, RGB", "4, 16, RGBA"})
    void pngSamplesComeBackExactlyInEveryLayoutAndDepth(int channels, int bits, DecodedImage.Layout layout) {
        byte[] file = TestImages.png(TestImages.image(7, 5, channels, bits));
        DecodedImage img = ImageDecoder.decode(file, "t.png");
        assertThat(img.format()).isEqualTo("png");
        assertThat(img.layout()).isEqualTo(layout);
        assertThat(img.bitDepth()).isEqualTo(bits);
        assertThat(img.width()).isEqualTo(7);
        assertThat(img.height()).isEqualTo(5);
        int max = (1 << bits) - 1;
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 7; x++) {
                    assertThat(img.samples().get(c, y, x)).as("c%d y%d x%d", c, y, x)
                            .isEqualTo((float) TestImages.expected(x, y, c, max));
                }
            }
        }
    }

    @Test
    void sixteenBitSamplesAreDividedBy257OnTheByteScaleAndBy65535OnTheUnitScale() {
        DecodedImage img = ImageDecoder.decode(TestImages.png(TestImages.image(4, 3, 1, 16)), "deep.png");
        int s = TestImages.expected(2, 1, 0, 65535);
        assertThat(img.input(PixelScale.BYTE, false).get(0, 1, 2)).isCloseTo((float) (s / 257.0), within(1e-4f));
        assertThat(img.input(PixelScale.UNIT, false).get(0, 1, 2)).isCloseTo((float) (s / 65535.0), within(1e-7f));
        // 65535 (white) is 255 on the byte scale, as white is in an 8-bit file
        assertThat(PixelScale.BYTE.value(65535, 65535)).isEqualTo(255.0);
    }

    @Test
    void eightBitSamplesAreKeptAsTheyAreOnTheByteScale() {
        DecodedImage img = ImageDecoder.decode(TestImages.png(TestImages.image(4, 3, 3, 8)), "rgb.png");
        Tensor t = img.input(PixelScale.BYTE, false);
        assertThat(t.get(1, 2, 3)).isEqualTo((float) TestImages.expected(3, 2, 1, 255));
        assertThat(img.input(PixelScale.UNIT, false).get(1, 2, 3)).isEqualTo((float) (TestImages.expected(3, 2, 1, 255) / 255.0));
    }

    @Test
    void alphaIsShownAsAChannelButNotConvolved() {
        DecodedImage img = ImageDecoder.decode(TestImages.png(TestImages.image(3, 3, 4, 8)), "rgba.png");
        assertThat(img.layout().channels()).containsExactly("red", "green", "blue", "alpha");
        assertThat(img.channels(PixelScale.BYTE).channels()).isEqualTo(4);
        assertThat(img.input(PixelScale.BYTE, false).channels()).isEqualTo(3);
        assertThat(img.channels(PixelScale.BYTE).get(3, 1, 2)).isEqualTo((float) TestImages.expected(2, 1, 3, 255));
    }

    @Test
    void grayIsTheBt601LumaOfTheColourChannels() {
        DecodedImage img = ImageDecoder.decode(TestImages.png(TestImages.image(3, 2, 3, 8)), "rgb.png");
        Tensor gray = img.input(PixelScale.BYTE, true);
        assertThat(gray.channels()).isEqualTo(1);
        double r = TestImages.expected(2, 1, 0, 255);
        double g = TestImages.expected(2, 1, 1, 255);
        double b = TestImages.expected(2, 1, 2, 255);
        assertThat(gray.get(0, 1, 2)).isCloseTo((float) (0.299 * r + 0.587 * g + 0.114 * b), within(1e-4f));
        assertThat(img.inputChannels(true)).containsExactly("gray");
    }

    @Test
    void grayImagesStayOneChannelWhenConvertedToGray() {
        DecodedImage img = ImageDecoder.decode(TestImages.png(TestImages.image(3, 2, 1, 8)), "g.png");
        assertThat(img.input(PixelScale.UNIT, true)).isEqualTo(img.input(PixelScale.UNIT, false));
    }

    @ParameterizedTest(name = "gray={0}")
    @CsvSource({"true", "false"})
    void jpegsAreReadWithinTheirCompressionError(boolean gray) {
        // a smooth image, so that JPEG's loss stays small: 8x8 blocks of a gentle ramp
        java.awt.image.BufferedImage smooth = new java.awt.image.BufferedImage(32, 16,
                gray ? java.awt.image.BufferedImage.TYPE_BYTE_GRAY : java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                for (int c = 0; c < (gray ? 1 : 3); c++) {
                    smooth.getRaster().setSample(x, y, c, 40 + 4 * x + c * 20);
                }
            }
        }
        DecodedImage img = ImageDecoder.decode(TestImages.write(smooth, "jpeg"), "photo.jpg");
        assertThat(img.format()).isEqualTo("jpeg");
        assertThat(img.layout()).isEqualTo(gray ? DecodedImage.Layout.GRAY : DecodedImage.Layout.RGB);
        assertThat(img.bitDepth()).isEqualTo(8);
        for (int c = 0; c < (gray ? 1 : 3); c++) {
            assertThat(img.samples().get(c, 8, 10)).isCloseTo(40 + 40 + c * 20, within(8f));
        }
    }

    @Test
    void palettePngsAreExpandedThroughTheirColourTable() {
        java.awt.image.BufferedImage indexed = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_BYTE_INDEXED);
        indexed.setRGB(1, 2, 0xff0000);
        DecodedImage img = ImageDecoder.decode(TestImages.png(indexed), "palette.png");
        assertThat(img.layout()).isEqualTo(DecodedImage.Layout.RGB);
        assertThat(new float[] {img.samples().get(0, 2, 1), img.samples().get(1, 2, 1), img.samples().get(2, 2, 1)})
                .containsExactly(255f, 0f, 0f);
    }

    @Test
    void anImageAtThePixelLimitIsReadAndOneRowMoreIsRefused() {
        int side = (int) Math.sqrt(Limits.MAX_IMAGE_PIXELS);
        assertThat(ImageDecoder.decode(TestImages.png(TestImages.image(side, side, 1, 8)), "max.png").width()).isEqualTo(side);
        int rows = Limits.MAX_IMAGE_PIXELS / side + 1;
        assertThatThrownBy(() -> ImageDecoder.decode(TestImages.png(TestImages.image(side, rows, 1, 8)), "big.png"))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("big.png is " + side + "x" + rows + " = " + (long) side * rows + " pixels; the limit is "
                        + Limits.MAX_IMAGE_PIXELS + " pixels (about 1182x1182)");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeDecoding() {
        byte[] bomb = TestImages.pngClaiming(60000, 60000);
        assertThat(bomb.length).isLessThan(200);
        assertThatThrownBy(() -> ImageDecoder.decode(bomb, "bomb.png"))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("bomb.png is 60000x60000 = 3600000000 pixels; the limit is");
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedByName() {
        assertThatThrownBy(() -> ImageDecoder.decode("hello, world".getBytes(), "notes.txt"))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("notes.txt is not a PNG or JPEG image (its first bytes are no image signature)");
    }

    @ParameterizedTest
    @CsvSource({"gif, GIF", "bmp, BMP"})
    void otherImageFormatsAreRefusedByName(String format, String shown) {
        byte[] file = TestImages.plain(4, 4, false, format);
        assertThatThrownBy(() -> ImageDecoder.decode(file, "x." + format))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("x." + format + " is a " + shown + " image; only PNG and JPEG are read");
    }

    @ParameterizedTest
    @CsvSource({"png", "jpeg"})
    void aTruncatedFileIsRefusedAsDamaged(String format) {
        byte[] whole = format.equals("png") ? TestImages.png(TestImages.image(64, 64, 3, 8)) : TestImages.plain(64, 64, false, "jpeg");
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> ImageDecoder.decode(cut, "cut." + format))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessageStartingWith("cut." + format + " could not be read as " + format.toUpperCase());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> ImageDecoder.decode(new byte[0], "empty.png"))
                .isInstanceOf(ImageRejectedException.class).hasMessage("empty.png is empty");
    }

    @Test
    void aFileOverTheByteLimitIsRefusedWithoutReadingIt() {
        assertThatThrownBy(() -> ImageDecoder.decode(new byte[Limits.MAX_IMAGE_BYTES + 1], "huge.png"))
                .isInstanceOf(ImageRejectedException.class)
                .hasMessage("huge.png has " + (Limits.MAX_IMAGE_BYTES + 1) + " bytes; the limit is " + Limits.MAX_IMAGE_BYTES);
    }

    /** A refused file is explained on the images page in its reader's language; the API keeps the English. */
    @Test
    void aRefusalReadsInBothLanguages() {
        ImageRejectedException empty = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> ImageDecoder.decode(new byte[0], null), ImageRejectedException.class);
        assertThat(empty.getMessage()).isEqualTo("the file is empty");
        assertThat(org.convplay.shared.Messages.explain(empty, java.util.Locale.ENGLISH)).isEqualTo("the file is empty");
        assertThat(org.convplay.shared.Messages.explain(empty, org.convplay.shared.Messages.PORTUGUESE)).isEqualTo("o arquivo está vazio");

        ImageRejectedException text = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> ImageDecoder.decode("not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "notes.txt"),
                ImageRejectedException.class);
        assertThat(org.convplay.shared.Messages.explain(text, java.util.Locale.ENGLISH)).isEqualTo(text.getMessage());
        assertThat(org.convplay.shared.Messages.explain(text, org.convplay.shared.Messages.PORTUGUESE))
                .isEqualTo("notes.txt não é uma imagem PNG ou JPEG (seus primeiros bytes não são a assinatura de uma imagem)");
    }
}

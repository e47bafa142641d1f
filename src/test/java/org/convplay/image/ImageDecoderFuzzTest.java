package org.convplay.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.convplay.Fuzz;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged pictures: small PNGs and JPEGs of every kind the decoder reads, with bytes flipped, overwritten, cut off or
 * spliced in (most often in the first 200 bytes, where the signatures, sizes and chunk lengths live). The decoder
 * either reads the file or refuses it with {@link ImageRejectedException}; nothing else escapes, and no file keeps
 * it busy.
 */
class ImageDecoderFuzzTest {

    static final List<byte[]> ORIGINALS = List.of(
            TestImages.plain(7, 5, false, "png"), TestImages.plain(6, 4, true, "png"), TestImages.plain(9, 8, false, "jpeg"),
            TestImages.plain(8, 8, true, "jpeg"), TestImages.png(TestImages.image(5, 4, 4, 8)),
            TestImages.png(TestImages.image(4, 3, 1, 16)), TestImages.pngClaiming(3, 3));

    /** Far more than any of these tiny files needs; a decoder stuck in a loop would not pass it. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(20);

    static Stream<Arguments> damaged() {
        return Fuzz.cases(17, 400, ImageDecoderFuzzTest::damage);
    }

    static byte[] damage(Random r) {
        byte[] b = ORIGINALS.get(r.nextInt(ORIGINALS.size())).clone();
        for (int edits = 1 + r.nextInt(6); edits > 0 && b.length > 0; edits--) {
            int at = (r.nextInt(3) == 0 ? r.nextInt(b.length) : r.nextInt(200)) % b.length;
            switch (r.nextInt(4)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = (byte) r.nextInt(256);
                case 2 -> b = Arrays.copyOf(b, at);
                default -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = (byte) r.nextInt(256);
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
            }
        }
        return b;
    }

    @ParameterizedTest(name = "case {index}")
    @MethodSource("damaged")
    void damagedFilesAreReadOrRefused(byte[] file) {
        assertTimeoutPreemptively(TIME_LIMIT, () -> {
            try {
                assertThat(ImageDecoder.decode(file, "fuzz.png")).isNotNull();
            } catch (ImageRejectedException refused) {
                assertThat(refused.getMessage()).contains("fuzz.png");
            }
        });
    }
}

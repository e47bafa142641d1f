package org.convplay.image;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the bundled sample images. Run by hand from the repository root after changing a drawing:
 * {@code java -cp target/test-classes:target/classes org.convplay.image.SampleImagesMaker};
 * {@code SampleImagesTest} checks that the committed files are what this draws.
 */
public final class SampleImagesMaker {

    static final int SIZE = 256;

    private SampleImagesMaker() {
    }

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : "src/main/resources/samples");
        ImageIO.write(draw(SampleImage.GRAY), "png", new File(dir, SampleImage.GRAY.file()));
        ImageIO.write(draw(SampleImage.COLOUR), "png", new File(dir, SampleImage.COLOUR.file()));
    }

    static BufferedImage draw(SampleImage sample) {
        boolean gray = sample == SampleImage.GRAY;
        BufferedImage img = new BufferedImage(SIZE, SIZE, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int[] rgb = gray ? grayPixel(x, y) : colourPixel(x, y);
                if (gray) {
                    img.getRaster().setSample(x, y, 0, rgb[0]);
                } else {
                    img.setRGB(x, y, rgb[0] << 16 | rgb[1] << 8 | rgb[2]);
                }
            }
        }
        return img;
    }

    /** Shape under (x, y): 1 disc, 2 square, 3 triangle, 4 stripes, 0 background. */
    private static int shape(int x, int y) {
        int dx = x - 76;
        int dy = y - 76;
        if (dx * dx + dy * dy <= 48 * 48) {
            return 1;
        }
        if (x >= 150 && x < 230 && y >= 30 && y < 110) {
            return 2;
        }
        // triangle with its apex at (76, 146) and base from (26, 226) to (126, 226)
        if (y >= 146 && y <= 226 && Math.abs(x - 76) * 80 <= (y - 146) * 50) {
            return 3;
        }
        if (x >= 150 && x < 230 && y >= 146 && y < 226) {
            return 4;
        }
        return 0;
    }

    /** Stripes 2, 4 and 8 pixels wide, top to bottom: fine detail for blur and edge kernels. */
    private static boolean stripe(int x, int y) {
        int width = y < 172 ? 2 : y < 199 ? 4 : 8;
        return (x / width) % 2 == 0;
    }

    private static int[] grayPixel(int x, int y) {
        int v = switch (shape(x, y)) {
            case 1 -> 230;
            case 2 -> 30;
            case 3 -> 180;
            case 4 -> stripe(x, y) ? 240 : 20;
            default -> 60 + (x + y) * 80 / (2 * SIZE);
        };
        return new int[] {v};
    }

    private static int[] colourPixel(int x, int y) {
        return switch (shape(x, y)) {
            case 1 -> new int[] {220, 40, 40};
            case 2 -> new int[] {40, 180, 60};
            case 3 -> new int[] {50, 80, 220};
            case 4 -> stripe(x, y) ? new int[] {250, 220, 40} : new int[] {30, 30, 30};
            default -> new int[] {40 + x * 120 / SIZE, 60 + y * 100 / SIZE, 160 - (x + y) * 80 / (2 * SIZE)};
        };
    }
}

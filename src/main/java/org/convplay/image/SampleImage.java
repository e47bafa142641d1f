package org.convplay.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The images bundled with the application (src/main/resources/samples, CC0, drawn for the project by
 * {@code SampleImagesMaker} in the tests): never downloaded at run time.
 */
public enum SampleImage {
    /** 256x256 8-bit gray: a gradient, a disc, a square, a triangle and stripes of three widths. */
    GRAY("shapes-gray.png"),
    /** 256x256 8-bit RGB: the same shapes in red, green and blue over a colour gradient. */
    COLOUR("shapes-colour.png");

    private final String file;

    SampleImage(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** Top-left cell of the patch the images page animates first: the left edge of the disc, where edge kernels answer. */
    public int[] patchCorner() {
        return new int[] {72, 24};
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public byte[] bytes() {
        try (InputStream in = SampleImage.class.getResourceAsStream("/samples/" + file)) {
            if (in == null) {
                throw new IllegalStateException("sample " + file + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DecodedImage decode() {
        return ImageDecoder.decode(bytes(), file);
    }
}

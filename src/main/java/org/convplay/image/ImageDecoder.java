package org.convplay.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.color.ColorSpace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.convplay.shared.Limits;
import org.convplay.engine.Tensor;
import org.convplay.engine.Translatable.Reason;

/**
 * Reads PNG and JPEG files into {@link DecodedImage}s with javax.imageio, keeping every stored bit:
 * samples come from the raster (16-bit PNGs stay 16-bit; {@code getRGB} would cut them to 8). Sizes are
 * checked from the header before any pixel is decoded, and every failure becomes an
 * {@link ImageRejectedException} that names the file and the reason.
 */
public final class ImageDecoder {

    private ImageDecoder() {
    }

    public static DecodedImage decode(byte[] bytes, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "the file" : fileName;
        // the name as a page shows it: a file without one is "the file" in the reader's language
        Object shown = fileName == null || fileName.isBlank() ? Reason.of("error.image.theFile") : fileName;
        if (bytes == null || bytes.length == 0) {
            throw new ImageRejectedException(name + " is empty", "error.image.empty", shown);
        }
        if (bytes.length > Limits.MAX_IMAGE_BYTES) {
            throw new ImageRejectedException(name + " has " + bytes.length + " bytes; the limit is " + Limits.MAX_IMAGE_BYTES,
                    "error.image.bytes", shown, bytes.length, Limits.MAX_IMAGE_BYTES);
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageRejectedException(name + " is not a PNG or JPEG image (its first bytes are no image signature)",
                        "error.image.notImage", shown);
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            format = format.equals("jpg") ? "jpeg" : format;
            if (!format.equals("png") && !format.equals("jpeg")) {
                reader.dispose();
                throw new ImageRejectedException(name + " is a " + format.toUpperCase(Locale.ROOT)
                        + " image; only PNG and JPEG are read", "error.image.format", shown, format.toUpperCase(Locale.ROOT));
            }
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (width <= 0 || height <= 0) {
                    throw new ImageRejectedException(name + " says it is " + width + "x" + height + " pixels, which is no image",
                            "error.image.noPixels", shown, width, height);
                }
                if (pixels > Limits.MAX_IMAGE_PIXELS) {
                    throw new ImageRejectedException(name + " is " + width + "x" + height + " = " + pixels
                            + " pixels; the limit is " + Limits.MAX_IMAGE_PIXELS + " pixels (about 1182x1182)",
                            "error.image.pixels", shown, width, height, pixels, Limits.MAX_IMAGE_PIXELS);
                }
                // The JPEG reader fills a file cut short with gray and only warns; a damaged file is refused instead.
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new ImageRejectedException(name + " could not be read as " + format.toUpperCase(Locale.ROOT)
                            + ": " + warnings.get(0), "error.image.unreadableAs", shown, format.toUpperCase(Locale.ROOT), warnings.get(0));
                }
                return fromImage(image, name, format);
            } catch (IOException | RuntimeException e) {
                if (e instanceof ImageRejectedException r) {
                    throw r;
                }
                throw new ImageRejectedException(name + " could not be read as " + format.toUpperCase(Locale.ROOT)
                        + ": " + reason(e), "error.image.unreadableAs", shown, format.toUpperCase(Locale.ROOT), reason(e));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new ImageRejectedException(name + " could not be read: " + reason(e), "error.image.unreadable", shown, reason(e));
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "the file is damaged or cut short (" + e.getClass().getSimpleName() + ")" : m;
    }

    /** The raster's samples, channel by channel; palettes are expanded through their colour table. */
    static DecodedImage fromImage(BufferedImage image, String name, String format) {
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel palette) {
            return fromPalette(image, palette, name, format);
        }
        int space = cm.getColorSpace().getType();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        DecodedImage.Layout layout;
        if (space == ColorSpace.TYPE_GRAY && bands == 1) {
            layout = DecodedImage.Layout.GRAY;
        } else if (space == ColorSpace.TYPE_GRAY && bands == 2) {
            layout = DecodedImage.Layout.GRAY_ALPHA;
        } else if (space == ColorSpace.TYPE_RGB && bands == 3) {
            layout = DecodedImage.Layout.RGB;
        } else if (space == ColorSpace.TYPE_RGB && bands == 4) {
            layout = DecodedImage.Layout.RGBA;
        } else {
            throw new ImageRejectedException(name + " has " + bands + " channel(s) in a colour space that is neither gray nor RGB"
                    + " (CMYK or YCCK JPEG?); save it as RGB or gray", "error.image.colourSpace", name, bands);
        }
        int bits = raster.getSampleModel().getSampleSize(0);
        int w = raster.getWidth();
        int h = raster.getHeight();
        Tensor t = new Tensor(bands, h, w);
        float[] data = t.data();
        int[] row = new int[w];
        for (int b = 0; b < bands; b++) {
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, b, row);
                int base = (b * h + y) * w;
                for (int x = 0; x < w; x++) {
                    data[base + x] = row[x];
                }
            }
        }
        return new DecodedImage(name, format, layout, bits, (1 << bits) - 1, t);
    }

    private static DecodedImage fromPalette(BufferedImage image, IndexColorModel palette, String name, String format) {
        int size = palette.getMapSize();
        boolean gray = true;
        for (int i = 0; i < size; i++) {
            gray &= palette.getRed(i) == palette.getGreen(i) && palette.getGreen(i) == palette.getBlue(i);
        }
        boolean alpha = palette.hasAlpha();
        DecodedImage.Layout layout = gray
                ? (alpha ? DecodedImage.Layout.GRAY_ALPHA : DecodedImage.Layout.GRAY)
                : (alpha ? DecodedImage.Layout.RGBA : DecodedImage.Layout.RGB);
        int w = image.getWidth();
        int h = image.getHeight();
        int channels = layout.channels().size();
        Tensor t = new Tensor(channels, h, w);
        float[] data = t.data();
        int plane = w * h;
        Raster raster = image.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int i = row[x];
                int p = y * w + x;
                int c = 0;
                data[c++ * plane + p] = palette.getRed(i);
                if (!gray) {
                    data[c++ * plane + p] = palette.getGreen(i);
                    data[c++ * plane + p] = palette.getBlue(i);
                }
                if (alpha) {
                    data[c * plane + p] = palette.getAlpha(i);
                }
            }
        }
        return new DecodedImage(name, format, layout, 8, 255, t);
    }
}

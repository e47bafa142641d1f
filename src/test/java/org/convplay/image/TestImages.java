package org.convplay.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/**
 * Image files made in memory for the decoding tests: each sample's value is a known function of its
 * position and channel, {@link #expected}, so a test can check every pixel that comes back.
 */
public final class TestImages {

    private TestImages() {
    }

    /** The sample a test image stores at (x, y) in channel c, for a file whose largest sample is max. */
    public static int expected(int x, int y, int c, int max) {
        return (int) (((long) (x * 37 + y * 11 + c * 101) * 997) % (max + 1));
    }

    /** channels: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA; bits 8 or 16. */
    public static BufferedImage image(int w, int h, int channels, int bits) {
        boolean alpha = channels == 2 || channels == 4;
        ColorSpace cs = ColorSpace.getInstance(channels <= 2 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
        ComponentColorModel cm = new ComponentColorModel(cs, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
                bits == 16 ? DataBuffer.TYPE_USHORT : DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
        int max = (1 << bits) - 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    raster.setSample(x, y, c, expected(x, y, c, max));
                }
            }
        }
        return new BufferedImage(cm, raster, false, null);
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    public static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer for this image");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An 8-bit RGB or gray image in {@code format} ("jpeg", "gif", "bmp") with the same test pattern. */
    public static byte[] plain(int w, int h, boolean gray, String format) {
        BufferedImage img = new BufferedImage(w, h, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < (gray ? 1 : 3); c++) {
                    img.getRaster().setSample(x, y, c, expected(x, y, c, 255));
                }
            }
        }
        return write(img, format);
    }

    /**
     * A PNG whose header claims {@code w x h} 8-bit gray pixels but whose data is a few bytes: what a
     * decompression bomb looks like before it is expanded.
     */
    public static byte[] pngClaiming(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[64]);
        deflater.finish();
        byte[] buf = new byte[256];
        int n = deflater.deflate(buf);
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

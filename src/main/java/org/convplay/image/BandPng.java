package org.convplay.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.convplay.engine.Tensor;

/**
 * One band as a gray PNG, for pages without scripts (the embed): black is the band's lowest value and white
 * its highest; a band with negative values is drawn symmetric around zero, so that middle gray is exactly 0,
 * as the page's diverging colours are.
 */
public final class BandPng {

    private BandPng() {
    }

    /** The PNG's bytes and the values black and white stand for. */
    public record Rendered(byte[] png, float black, float white) {
    }

    public static Rendered render(Tensor t, int channel) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        int plane = t.height() * t.width();
        float[] d = t.data();
        for (int i = channel * plane; i < (channel + 1) * plane; i++) {
            lo = Math.min(lo, d[i]);
            hi = Math.max(hi, d[i]);
        }
        if (lo < 0) {
            float m = Math.max(-lo, hi);
            lo = -m;
            hi = m;
        }
        float span = hi > lo ? hi - lo : 1;
        BufferedImage img = new BufferedImage(t.width(), t.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                float v = hi > lo ? (t.get(channel, y, x) - lo) / span : 0.5f;
                int g = Math.round(Math.max(0, Math.min(1, v)) * 255);
                img.getRaster().setSample(x, y, 0, g);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Rendered(out.toByteArray(), lo, hi);
    }
}

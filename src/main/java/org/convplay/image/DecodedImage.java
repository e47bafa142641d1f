package org.convplay.image;

import java.util.List;
import org.convplay.engine.Tensor;

/**
 * A decoded PNG or JPEG as its stored samples, before any choice of scale: {@code samples} is
 * channels x height x width holding the integer samples (0..maxSample) as floats, colour channels first,
 * alpha last. The pages turn it into a convolution input with {@link #input(PixelScale, boolean)}.
 *
 * @param format    "png" or "jpeg"
 * @param bitDepth  bits per stored sample (1, 2, 4, 8 or 16); palette images are expanded to 8-bit
 */
public record DecodedImage(String fileName, String format, Layout layout, int bitDepth, int maxSample, Tensor samples) {

    /** Which channels the file holds. */
    public enum Layout {
        GRAY(List.of("gray"), 1, false),
        GRAY_ALPHA(List.of("gray", "alpha"), 1, true),
        RGB(List.of("red", "green", "blue"), 3, false),
        RGBA(List.of("red", "green", "blue", "alpha"), 3, true);

        private final List<String> channels;
        private final int colourChannels;
        private final boolean alpha;

        Layout(List<String> channels, int colourChannels, boolean alpha) {
            this.channels = channels;
            this.colourChannels = colourChannels;
            this.alpha = alpha;
        }

        /** Channel names in storage order: "gray" or "red", "green", "blue", then "alpha" if present. */
        public List<String> channels() {
            return channels;
        }

        public int colourChannels() {
            return colourChannels;
        }

        public boolean hasAlpha() {
            return alpha;
        }
    }

    /** ITU-R BT.601 luma weights, as PIL's convert("L") and OpenCV's cvtColor(..., COLOR_RGB2GRAY) use. */
    public static final double[] LUMA = {0.299, 0.587, 0.114};

    public int width() {
        return samples.width();
    }

    public int height() {
        return samples.height();
    }

    /** Every stored channel, alpha included, on {@code scale}. */
    public Tensor channels(PixelScale scale) {
        float[] raw = samples.data();
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = (float) scale.value((int) raw[i], maxSample);
        }
        return new Tensor(samples.channels(), height(), width(), out);
    }

    /**
     * What is convolved: the colour channels on {@code scale} (alpha is shown but not convolved, as a CNN
     * that reads RGB drops it), or one gray channel {@code 0.299 R + 0.587 G + 0.114 B} when {@code gray}.
     */
    public Tensor input(PixelScale scale, boolean gray) {
        int plane = width() * height();
        int colours = layout.colourChannels();
        float[] raw = samples.data();
        if (!gray || colours == 1) {
            float[] out = new float[colours * plane];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) scale.value((int) raw[i], maxSample);
            }
            return new Tensor(colours, height(), width(), out);
        }
        float[] out = new float[plane];
        for (int i = 0; i < plane; i++) {
            double luma = LUMA[0] * raw[i] + LUMA[1] * raw[plane + i] + LUMA[2] * raw[2 * plane + i];
            out[i] = (float) (luma * scale.top() / maxSample);
        }
        return new Tensor(1, height(), width(), out);
    }

    /** Names of the channels {@link #input(PixelScale, boolean)} returns. */
    public List<String> inputChannels(boolean gray) {
        return gray || layout.colourChannels() == 1 ? List.of("gray") : List.of("red", "green", "blue");
    }
}

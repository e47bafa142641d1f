package org.convplay.engine;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Starting weights for a conv layer, reproducible from a seed. {@code glorot_uniform} is Keras 1's:
 * {@code U(-l, l)}, {@code l = sqrt(6 / (fan_in + fan_out))}, {@code fan_in = C*kh*kw}, {@code fan_out = F*kh*kw}.
 * Biases always start at zero, as in Keras.
 */
public enum Initializer {
    GLOROT_UNIFORM, ZEROS, ONES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Initializer fromId(String id) {
        for (Initializer i : values()) {
            if (i.id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown initializer '" + id + "': expected glorot_uniform, zeros or ones");
    }

    /**
     * Keras 1's limit for an {@code F x C x kh x kw} kernel. With groups, C is the channels one filter
     * sees (the kernel's second dimension), as for any framework that stores C/g there.
     */
    public static double glorotLimit(int filters, int channels, int kh, int kw) {
        double fanIn = (double) channels * kh * kw;
        double fanOut = (double) filters * kh * kw;
        return Math.sqrt(6.0 / (fanIn + fanOut));
    }

    /**
     * A new {@code filters x channelsPerGroup x kh x kw} kernel with a zero bias. The same seed gives the
     * same weights (SplittableRandom, filled in storage order); they are not Keras's own random numbers.
     */
    public Kernel create(int filters, int channelsPerGroup, int kh, int kw, long seed) {
        float[] w = new float[filters * channelsPerGroup * kh * kw];
        switch (this) {
            case GLOROT_UNIFORM -> {
                double limit = glorotLimit(filters, channelsPerGroup, kh, kw);
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) random.nextDouble(-limit, limit);
                }
            }
            case ONES -> java.util.Arrays.fill(w, 1f);
            case ZEROS -> {
                // already zero
            }
        }
        return new Kernel(filters, channelsPerGroup, kh, kw, w, new float[filters]);
    }
}

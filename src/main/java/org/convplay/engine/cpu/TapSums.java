package org.convplay.engine.cpu;

/**
 * The hot loops of the cpu engine: {@code acc[p] += w0*s0[p] + ... + w4*s4[p]}, up to five taps per pass over an
 * accumulator, every array read at the same index {@code p}. That exact shape is what Java 17's C2 turns into SIMD
 * code; {@link DirectConvolution} feeds it shifted input rows, {@link WinogradF23} its transformed tiles.
 */
final class TapSums {

    private TapSums() {
    }

    /**
     * {@code acc[p] += sum of w[t+k] * sources[t+k][p]} for {@code k < n <= 5}, p in [from, to).
     * One method per tap count keeps each loop small enough for C2 to unroll and vectorise it.
     */
    static void accumulate(float[] acc, int from, int to, float[][] sources, float[] w, int t, int n) {
        switch (n) {
            case 5 -> taps5(acc, from, to, sources[t], sources[t + 1], sources[t + 2], sources[t + 3], sources[t + 4],
                    w[t], w[t + 1], w[t + 2], w[t + 3], w[t + 4]);
            case 4 -> taps4(acc, from, to, sources[t], sources[t + 1], sources[t + 2], sources[t + 3],
                    w[t], w[t + 1], w[t + 2], w[t + 3]);
            case 3 -> taps3(acc, from, to, sources[t], sources[t + 1], sources[t + 2], w[t], w[t + 1], w[t + 2]);
            case 2 -> taps2(acc, from, to, sources[t], sources[t + 1], w[t], w[t + 1]);
            case 1 -> taps1(acc, from, to, sources[t], w[t]);
            default -> throw new IllegalArgumentException("1 to 5 taps per pass, got " + n);
        }
    }

    // The sums are grouped in pairs so the additions do not form one long dependency chain.
    private static void taps5(float[] acc, int from, int to, float[] s0, float[] s1, float[] s2, float[] s3, float[] s4,
                              float w0, float w1, float w2, float w3, float w4) {
        for (int p = from; p < to; p++) {
            acc[p] = (acc[p] + w0 * s0[p]) + (w1 * s1[p] + w2 * s2[p]) + (w3 * s3[p] + w4 * s4[p]);
        }
    }

    private static void taps4(float[] acc, int from, int to, float[] s0, float[] s1, float[] s2, float[] s3,
                              float w0, float w1, float w2, float w3) {
        for (int p = from; p < to; p++) {
            acc[p] = (acc[p] + w0 * s0[p]) + (w1 * s1[p] + w2 * s2[p]) + w3 * s3[p];
        }
    }

    private static void taps3(float[] acc, int from, int to, float[] s0, float[] s1, float[] s2,
                              float w0, float w1, float w2) {
        for (int p = from; p < to; p++) {
            acc[p] = (acc[p] + w0 * s0[p]) + (w1 * s1[p] + w2 * s2[p]);
        }
    }

    private static void taps2(float[] acc, int from, int to, float[] s0, float[] s1, float w0, float w1) {
        for (int p = from; p < to; p++) {
            acc[p] = acc[p] + (w0 * s0[p] + w1 * s1[p]);
        }
    }

    private static void taps1(float[] acc, int from, int to, float[] s0, float w0) {
        for (int p = from; p < to; p++) {
            acc[p] += w0 * s0[p];
        }
    }

    /**
     * {@code acc[p] = sum over c < 5 of w[c] * sources[c][p]}: {@link #taps5} onto a zero accumulator
     * (bit for bit, as 0 + x is x), without reading it. {@link WinogradF23}'s products start with it, as their
     * accumulators hold an earlier call's values: it saves one pass of the fourteen over each accumulator there.
     */
    static void first5(float[] acc, int from, int to, float[][] sources, float[] w) {
        float[] s0 = sources[0];
        float[] s1 = sources[1];
        float[] s2 = sources[2];
        float[] s3 = sources[3];
        float[] s4 = sources[4];
        float w0 = w[0];
        float w1 = w[1];
        float w2 = w[2];
        float w3 = w[3];
        float w4 = w[4];
        for (int p = from; p < to; p++) {
            acc[p] = w0 * s0[p] + (w1 * s1[p] + w2 * s2[p]) + (w3 * s3[p] + w4 * s4[p]);
        }
    }
}

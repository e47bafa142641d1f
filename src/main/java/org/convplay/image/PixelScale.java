package org.convplay.image;

/**
 * How stored pixel samples become the numbers that are convolved. Both scales read 8- and 16-bit files
 * alike: {@code 0..1} divides by the largest sample (255 or 65535), {@code 0..255} keeps 8-bit samples as
 * they are and divides 16-bit ones by 257 (65535 / 255), so a kernel gives comparable numbers for both.
 */
public enum PixelScale {
    /** Samples divided by the largest sample the file can hold: black 0, white 1 (Keras' rescale=1/255). */
    UNIT("0..1", 1.0),
    /** Samples on the 8-bit scale: black 0, white 255 (what PIL and OpenCV hand you). */
    BYTE("0..255", 255.0);

    private final String label;
    private final double top;

    PixelScale(String label, double top) {
        this.label = label;
        this.top = top;
    }

    public String label() {
        return label;
    }

    /** The number white maps to. */
    public double top() {
        return top;
    }

    /** The number a stored sample {@code s} of a file whose largest sample is {@code maxSample} maps to. */
    public double value(int s, int maxSample) {
        // top / maxSample first would round (255.0 / 65535 is not exact); s * top / maxSample is exact for 8-bit
        return s * top / maxSample;
    }
}

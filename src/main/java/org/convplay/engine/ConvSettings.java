package org.convplay.engine;

/**
 * A convolution request as the caller wrote it: each field is null when not given, so that
 * {@link Convention#resolve(ConvSettings)} can fill it with the convention's default.
 */
public record ConvSettings(Padding padding, Integer strideY, Integer strideX, Integer dilationY, Integer dilationX,
                           Integer groups, Boolean flip, Border border) {

    /** Nothing given: every field comes from the convention. */
    public static final ConvSettings EMPTY = new ConvSettings(null, null, null, null, null, null, null, null);

    public ConvSettings withPadding(Padding p) {
        return new ConvSettings(p, strideY, strideX, dilationY, dilationX, groups, flip, border);
    }

    public ConvSettings withStride(int sy, int sx) {
        return new ConvSettings(padding, sy, sx, dilationY, dilationX, groups, flip, border);
    }

    public ConvSettings withDilation(int dy, int dx) {
        return new ConvSettings(padding, strideY, strideX, dy, dx, groups, flip, border);
    }

    public ConvSettings withGroups(int g) {
        return new ConvSettings(padding, strideY, strideX, dilationY, dilationX, g, flip, border);
    }

    public ConvSettings withFlip(boolean f) {
        return new ConvSettings(padding, strideY, strideX, dilationY, dilationX, groups, f, border);
    }

    public ConvSettings withBorder(Border b) {
        return new ConvSettings(padding, strideY, strideX, dilationY, dilationX, groups, flip, b);
    }
}

package org.convplay.engine;

/**
 * Everything about a convolution except the data: padding, stride, dilation, groups, whether the
 * kernel is flipped (mathematical convolution) and what padded cells hold. Immutable; the
 * {@code with*} methods return changed copies.
 */
public record ConvSpec(Padding padding, int strideY, int strideX, int dilationY, int dilationX,
                       int groups, boolean flip, Border border, SameSide sameSide) {

    /** valid, stride 1, dilation 1, one group, cross-correlation, zero border, odd padding after. */
    public static final ConvSpec DEFAULT = new ConvSpec(Padding.VALID, 1, 1, 1, 1, 1, false, Border.ZERO, SameSide.AFTER);

    public ConvSpec {
        if (padding == null || border == null || sameSide == null) {
            throw new IllegalArgumentException("padding, border and sameSide are required");
        }
        if (strideY < 1 || strideX < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got [" + strideY + ", " + strideX + "]");
        }
        if (dilationY < 1 || dilationX < 1) {
            throw new IllegalArgumentException("dilation must be at least 1, got [" + dilationY + ", " + dilationX + "]");
        }
        if (groups < 1) {
            throw new IllegalArgumentException("groups must be at least 1, got " + groups);
        }
    }

    public ConvSpec withPadding(Padding p) {
        return new ConvSpec(p, strideY, strideX, dilationY, dilationX, groups, flip, border, sameSide);
    }

    public ConvSpec withStride(int sy, int sx) {
        return new ConvSpec(padding, sy, sx, dilationY, dilationX, groups, flip, border, sameSide);
    }

    public ConvSpec withDilation(int dy, int dx) {
        return new ConvSpec(padding, strideY, strideX, dy, dx, groups, flip, border, sameSide);
    }

    public ConvSpec withGroups(int g) {
        return new ConvSpec(padding, strideY, strideX, dilationY, dilationX, g, flip, border, sameSide);
    }

    public ConvSpec withFlip(boolean f) {
        return new ConvSpec(padding, strideY, strideX, dilationY, dilationX, groups, f, border, sameSide);
    }

    public ConvSpec withBorder(Border b) {
        return new ConvSpec(padding, strideY, strideX, dilationY, dilationX, groups, flip, b, sameSide);
    }

    public ConvSpec withSameSide(SameSide s) {
        return new ConvSpec(padding, strideY, strideX, dilationY, dilationX, groups, flip, border, s);
    }
}

package org.convplay.engine;

/**
 * A pooling window: size {@code [sizeY, sizeX]}, stride and padding ({@code valid}, {@code same} as the
 * convention defines it, or explicit {@code [top, bottom, left, right]}).
 */
public record PoolSpec(int sizeY, int sizeX, int strideY, int strideX, Padding padding) {

    public PoolSpec {
        if (sizeY < 1 || sizeX < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, got [" + sizeY + ", " + sizeX + "]");
        }
        if (strideY < 1 || strideX < 1) {
            throw new IllegalArgumentException("pool stride must be at least 1, got [" + strideY + ", " + strideX + "]");
        }
        if (padding == null) {
            throw new IllegalArgumentException("pool padding is required");
        }
        if (padding.mode() == Padding.Mode.FULL || padding.mode() == Padding.Mode.HALF) {
            throw new IllegalArgumentException("pooling takes padding valid, same or [top, bottom, left, right], not "
                    + padding.id());
        }
    }

    /** A {@code sizeY x sizeX} window moving by its own size (the frameworks' default stride), no padding. */
    public static PoolSpec of(int sizeY, int sizeX) {
        return new PoolSpec(sizeY, sizeX, sizeY, sizeX, Padding.VALID);
    }

    public PoolSpec withStride(int sy, int sx) {
        return new PoolSpec(sizeY, sizeX, sy, sx, padding);
    }

    public PoolSpec withPadding(Padding p) {
        return new PoolSpec(sizeY, sizeX, strideY, strideX, p);
    }
}

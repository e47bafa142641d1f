package org.convplay.engine;

/**
 * What a padded cell holds. Shown for {@code a b c d} padded by 2 on each side;
 * the NumPy, OpenCV and PyTorch names are in docs/conventions.md ("Border fill").
 */
public enum Border {
    /** {@code 0 0 a b c d 0 0}. */
    ZERO,
    /** {@code c b a b c d c b}: mirror without repeating the edge (OpenCV's REFLECT_101). */
    REFLECT,
    /** {@code b a a b c d d c}: mirror repeating the edge (OpenCV's REFLECT). */
    SYMMETRIC,
    /** {@code a a a b c d d d}. */
    REPLICATE,
    /** {@code c d a b c d a b}. */
    WRAP;

    /**
     * The index inside {@code [0, n)} that position {@code i} (possibly outside) reads,
     * or -1 for a zero cell. Works for any distance from the edge, also further than n.
     */
    public int sourceIndex(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        switch (this) {
            case ZERO:
                return -1;
            case REPLICATE:
                return i < 0 ? 0 : n - 1;
            case WRAP:
                return Math.floorMod(i, n);
            case REFLECT: {
                if (n == 1) {
                    return 0;
                }
                int period = 2 * n - 2;
                int m = Math.floorMod(i, period);
                return m < n ? m : period - m;
            }
            case SYMMETRIC: {
                int period = 2 * n;
                int m = Math.floorMod(i, period);
                return m < n ? m : period - 1 - m;
            }
            default:
                throw new IllegalStateException(name());
        }
    }

    /** Lower-case name as the API and the pages write it. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Border fromId(String id) {
        for (Border b : values()) {
            if (b.id().equals(id)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown border '" + id + "': expected zero, reflect, symmetric, replicate or wrap");
    }
}

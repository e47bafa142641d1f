package org.convplay.convolve;

/** The seed notebook's first example (docs/conventions.md, "The notebook's cases", 1), loaded by the pages that start from it. */
public final class NotebookExample {

    /** The 5x5 input. */
    public static final double[][] INPUT = {
        {1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}};
    /** The X-shaped 3x3 kernel. */
    public static final double[][] KERNEL = {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}};

    private NotebookExample() {
    }
}

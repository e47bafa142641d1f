package org.convplay.shared;

/**
 * Sizes the server accepts, in one documented place (README, "Limits"). They keep one request from
 * taking the memory or the cores that a whole class shares.
 */
public final class Limits {
    /** Values in one input: a 2048x2048 gray image, or 3x1024x1024 RGB. */
    public static final int MAX_INPUT_VALUES = 4_194_304;
    /** Values in one kernel, all filters and channels together. */
    public static final int MAX_KERNEL_VALUES = 1_048_576;
    /** Longest side of a kernel. */
    public static final int MAX_KERNEL_SIDE = 255;
    /** Stride and dilation at most. */
    public static final int MAX_STEP = 64;
    /** Padding cells on one side at most. */
    public static final int MAX_PADDING = 1024;
    /** Multiply-adds in one request: about a second of work on two cores. */
    public static final long MAX_MULTIPLY_ADDS = 4_000_000_000L;
    /** Side of the matrices the editor pages show cell by cell. */
    public static final int MAX_EDITOR_SIDE = 64;
    /**
     * Pixels in one uploaded image, read from the file's header before decoding (so a small file that
     * claims to be huge, a decompression bomb, is refused without being expanded): an RGB image of this
     * size is exactly the input limit, about 1182x1182.
     */
    public static final int MAX_IMAGE_PIXELS = MAX_INPUT_VALUES / 3;
    /** Bytes in one uploaded image file. */
    public static final int MAX_IMAGE_BYTES = 16 * 1024 * 1024;
    /** Filters (output bands) on the images page. */
    public static final int MAX_IMAGE_FILTERS = 16;

    private Limits() {
    }
}

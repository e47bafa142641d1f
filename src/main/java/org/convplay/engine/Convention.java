package org.convplay.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A framework's way of doing convolution and pooling (docs/conventions.md, "Conventions"): its
 * defaults, where the odd row of {@code same} goes, its pooling {@code same} rule and its array layouts.
 */
public enum Convention {
    THEANO(true, Padding.VALID, Border.ZERO, "NCHW", "OIHW",
            "Keras 1 on Theano: the kernel is flipped (true convolution); 'same' pads floor(k/2) before, "
                    + "so the odd row/column goes top/left; 'same' pooling windows start before the image."),
    TENSORFLOW(false, Padding.VALID, Border.ZERO, "NHWC", "HWIO",
            "Keras 2 / TensorFlow: cross-correlation; the odd row/column of 'same' goes bottom/right; "
                    + "padded cells never count in pooling."),
    PYTORCH(false, Padding.VALID, Border.ZERO, "NCHW", "OIHW",
            "PyTorch: cross-correlation; 'same' only with stride 1, odd row/column bottom/right; "
                    + "pooling takes explicit padding only and average pooling counts the padded zeros."),
    OPENCV(false, Padding.SAME, Border.REFLECT, "HWC", "HW",
            "OpenCV filter2D: cross-correlation, output the size of the input, the odd row/column "
                    + "top/left (anchor k/2), border reflected without repeating the edge (BORDER_REFLECT_101); "
                    + "with flip the anchor moves to k-1-k/2, so the odd row/column goes bottom/right."),
    /** {@code scipy.signal}'s correlate2d and convolve2d (not {@code scipy.ndimage}, which centres the other way). */
    SCIPY(false, Padding.FULL, Border.ZERO, "HW", "HW",
            "SciPy (scipy.signal): correlate2d (no flip) or convolve2d (flip); mode 'full' by default; 'same' puts "
                    + "the odd row/column bottom/right for correlate2d and top/left for convolve2d."),
    /** {@code scipy.ndimage}'s correlate and convolve: always the input's size, centred like OpenCV. */
    SCIPY_NDIMAGE(false, Padding.SAME, Border.SYMMETRIC, "HW", "HW",
            "SciPy (scipy.ndimage): correlate (no flip) or convolve (flip); output the size of the input; "
                    + "the odd row/column top/left for correlate and bottom/right for convolve; border mode "
                    + "'reflect' (the edge repeated).");

    /** The convention used when a request names none; its defaults are the API's plain defaults. */
    public static final Convention DEFAULT = TENSORFLOW;

    private final boolean defaultFlip;
    private final Padding defaultPadding;
    private final Border defaultBorder;
    private final String inputLayout;
    private final String kernelLayout;
    private final String note;

    Convention(boolean defaultFlip, Padding defaultPadding, Border defaultBorder,
               String inputLayout, String kernelLayout, String note) {
        this.defaultFlip = defaultFlip;
        this.defaultPadding = defaultPadding;
        this.defaultBorder = defaultBorder;
        this.inputLayout = inputLayout;
        this.kernelLayout = kernelLayout;
        this.note = note;
    }

    /** Lower-case name as the API and the pages write it: {@code scipy-ndimage} for {@link #SCIPY_NDIMAGE}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The convention with this {@link #id()}; {@code scipy.ndimage}, as Python writes the module, is read too. */
    public static Convention fromId(String id) {
        String wanted = id == null ? null : id.replace('.', '-');
        for (Convention c : values()) {
            if (c.id().equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown convention '" + id + "': expected one of "
                + Arrays.stream(values()).map(Convention::id).collect(Collectors.joining(", ")));
    }

    /** {@code c}, or {@link #DEFAULT} when null. */
    public static Convention orDefault(Convention c) {
        return c == null ? DEFAULT : c;
    }

    /** Whether the framework's own call convolves (rotates the kernel 180 degrees) rather than correlates. */
    public boolean defaultFlip() {
        return defaultFlip;
    }

    /**
     * What the framework's plain call does without a padding argument: OpenCV's filter2D and
     * scipy.ndimage always keep the size, SciPy's correlate2d/convolve2d default to mode 'full', the
     * CNN frameworks to 'valid'.
     */
    public Padding defaultPadding() {
        return defaultPadding;
    }

    public Border defaultBorder() {
        return defaultBorder;
    }

    /**
     * Where conv {@code same} puts the odd row/column of an even kernel. OpenCV and SciPy depend on
     * {@code flip}: OpenCV's documented true convolution flips the kernel and moves the anchor from
     * {@code k/2} to {@code k-1-k/2}; flip means convolve2d in {@code scipy.signal}, which centres the
     * other way from correlate2d, and convolve in {@code scipy.ndimage}, which moves its origin like OpenCV.
     */
    public SameSide sameSide(boolean flip) {
        return switch (this) {
            case THEANO -> SameSide.THEANO;
            case OPENCV, SCIPY_NDIMAGE -> flip ? SameSide.AFTER : SameSide.BEFORE;
            case SCIPY -> flip ? SameSide.BEFORE : SameSide.AFTER;
            case TENSORFLOW, PYTORCH -> SameSide.AFTER;
        };
    }

    /** The input layout the framework uses, e.g. "NCHW" or "NHWC". */
    public String inputLayout() {
        return inputLayout;
    }

    /** The kernel layout the framework uses, e.g. "OIHW" or "HWIO". */
    public String kernelLayout() {
        return kernelLayout;
    }

    /** True when the framework puts channels last (TensorFlow, OpenCV). */
    public boolean channelsLast() {
        return inputLayout.endsWith("C");
    }

    /** One English sentence on what choosing this convention changes, for the pages. */
    public String note() {
        return note;
    }

    /** Whether average pooling divides by the whole window, padded zeros included (PyTorch's count_include_pad=True). */
    public boolean averageCountsPadding() {
        return this == PYTORCH;
    }

    /**
     * Fills the fields the caller left unset (null) with this convention's defaults; fields given
     * explicitly win. The odd-row side of {@code same} always comes from the convention.
     *
     * @throws IllegalArgumentException when the convention does not allow the combination
     */
    public ConvSpec resolve(ConvSettings s) {
        ConvSettings given = s == null ? ConvSettings.EMPTY : s;
        boolean flip = given.flip() != null ? given.flip() : defaultFlip;
        ConvSpec spec = new ConvSpec(
                given.padding() != null ? given.padding() : defaultPadding,
                orOne(given.strideY()), orOne(given.strideX()),
                orOne(given.dilationY()), orOne(given.dilationX()),
                orOne(given.groups()), flip,
                given.border() != null ? given.border() : defaultBorder,
                sameSide(flip));
        checkConv(spec);
        return spec;
    }

    /** Whether conv padding {@code same} is allowed with this stride: PyTorch allows it only with stride 1. */
    public boolean allowsSameConv(int strideY, int strideX) {
        return this != PYTORCH || strideY == 1 && strideX == 1;
    }

    /** Whether pooling takes padding {@code same}: PyTorch's pools take explicit padding only. */
    public boolean allowsSamePooling() {
        return this != PYTORCH;
    }

    /** Rejects what the framework itself rejects, with a message saying so. */
    public void checkConv(ConvSpec spec) {
        if (spec.padding().mode() == Padding.Mode.SAME && !allowsSameConv(spec.strideY(), spec.strideX())) {
            throw new IllegalArgumentException("padding 'same' under the pytorch convention needs stride 1 "
                    + "(PyTorch refuses padding='same' for strided convolutions), got stride ["
                    + spec.strideY() + ", " + spec.strideX() + "]: give explicit padding [top, bottom, left, right]");
        }
    }

    private static int orOne(Integer v) {
        return v == null ? 1 : v;
    }
}

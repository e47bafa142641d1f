package org.convplay.engine;

/**
 * The size arithmetic of docs/conventions.md: padding amounts, output lengths and parameter counts.
 * Every engine resolves geometry here, so they cannot disagree about shapes.
 */
public final class ConvGeometry {

    /** Resolved padding in cells: {@code [top, bottom, left, right]}. */
    public record Pads(int top, int bottom, int left, int right) {
        public int[] toArray() {
            return new int[] {top, bottom, left, right};
        }
    }

    /** Resolved shapes of one convolution. */
    public record Plan(Pads pads, int outHeight, int outWidth) {
    }

    private ConvGeometry() {
    }

    /** The extent of a dilated kernel: {@code k' = d*(k-1) + 1}. */
    public static int dilatedExtent(int k, int d) {
        return d * (k - 1) + 1;
    }

    /**
     * {@code floor((n + before + after - d*(k-1) - 1) / s) + 1}; a result below 1 is an error
     * naming the sizes, never an empty array.
     */
    public static int outputLength(String axis, int n, int k, int s, int d, int before, int after) {
        long span = (long) n + before + after - (long) d * (k - 1) - 1;
        if (span < 0) {
            long padded = (long) n + before + after;
            String message = "the " + axis + " of the kernel (" + k
                    + (d > 1 ? ", dilated by " + d + " to " + dilatedExtent(k, d) : "")
                    + ") is larger than the padded input (" + n + " + " + before + " + " + after + " = " + padded + ")";
            Translatable.Reason side = Translatable.Reason.of("error.axis." + axis);
            throw d > 1
                    ? new ShapeException(message, "error.kernelTooLarge.dilated", side, k, d, dilatedExtent(k, d), n, before, after, padded)
                    : new ShapeException(message, "error.kernelTooLarge", side, k, n, before, after, padded);
        }
        return (int) (Math.floorDiv(span, s) + 1);
    }

    /** Padding of one axis: returns {before, after}. */
    public static int[] resolveAxis(Padding padding, boolean vertical, int n, int k, int s, int d, SameSide side) {
        int extent = dilatedExtent(k, d);
        return switch (padding.mode()) {
            case VALID -> new int[] {0, 0};
            case FULL -> new int[] {extent - 1, extent - 1};
            case HALF -> new int[] {extent / 2, extent / 2};
            case EXPLICIT -> vertical ? new int[] {padding.top(), padding.bottom()} : new int[] {padding.left(), padding.right()};
            case SAME -> same(n, extent, s, side);
        };
    }

    private static int[] same(int n, int extent, int s, SameSide side) {
        int out = ceilDiv(n, s);
        int total = Math.max((out - 1) * s + extent - n, 0);
        return switch (side) {
            case AFTER -> new int[] {total / 2, total - total / 2};
            case BEFORE -> new int[] {total - total / 2, total / 2};
            case THEANO -> {
                // Theano "half" pads floor(k'/2) before; Keras keeps the first ceil(n/s) outputs,
                // which is the same as padding after only as far as those outputs read.
                int before = extent / 2;
                int after = Math.max((out - 1) * s + extent - n - before, 0);
                yield new int[] {before, after};
            }
        };
    }

    /** Pads and output size of a convolution of an {@code h x w} input with a {@code kh x kw} kernel. */
    public static Plan plan(int h, int w, int kh, int kw, ConvSpec spec) {
        int[] v = resolveAxis(spec.padding(), true, h, kh, spec.strideY(), spec.dilationY(), spec.sameSide());
        int[] hz = resolveAxis(spec.padding(), false, w, kw, spec.strideX(), spec.dilationX(), spec.sameSide());
        int oh = outputLength("height", h, kh, spec.strideY(), spec.dilationY(), v[0], v[1]);
        int ow = outputLength("width", w, kw, spec.strideX(), spec.dilationX(), hz[0], hz[1]);
        return new Plan(new Pads(v[0], v[1], hz[0], hz[1]), oh, ow);
    }

    /**
     * Checks that a kernel fits an input under a spec (channels and groups) and returns the plan.
     * Engines call this first so that every engine rejects the same requests with the same message.
     */
    public static Plan check(Tensor input, Kernel kernel, ConvSpec spec) {
        return check(input.channels(), input.height(), input.width(), kernel, spec);
    }

    /** {@link #check(Tensor, Kernel, ConvSpec)} from the input's shape alone, for shape inference without data. */
    public static Plan check(int channels, int height, int width, Kernel kernel, ConvSpec spec) {
        int g = spec.groups();
        if (channels % g != 0) {
            throw new ShapeException("groups (" + g + ") must divide the input channels (" + channels + ")",
                    "error.groupsChannels", g, channels);
        }
        if (kernel.filters() % g != 0) {
            throw new ShapeException("groups (" + g + ") must divide the number of filters (" + kernel.filters() + ")",
                    "error.groupsFilters", g, kernel.filters());
        }
        if (kernel.channelsPerGroup() * g != channels) {
            String message = "the kernel has " + kernel.channelsPerGroup() + " channel(s) per filter but the input has "
                    + channels + (g > 1 ? " in " + g + " groups (" + channels / g + " per group)" : "");
            throw g > 1
                    ? new ShapeException(message, "error.kernelChannels.groups", kernel.channelsPerGroup(), channels, g, channels / g)
                    : new ShapeException(message, "error.kernelChannels", kernel.channelsPerGroup(), channels);
        }
        return plan(height, width, kernel.height(), kernel.width(), spec);
    }

    /** Checks that {@code out} can take the result of a convolution planned as {@code plan}, in place. */
    public static void checkOutput(Tensor input, Kernel kernel, Plan plan, Tensor out) {
        if (out.channels() != kernel.filters() || out.height() != plan.outHeight() || out.width() != plan.outWidth()) {
            throw new ShapeException("the output tensor is " + out.channels() + "x" + out.height() + "x" + out.width()
                    + " but the convolution gives " + kernel.filters() + "x" + plan.outHeight() + "x" + plan.outWidth());
        }
        if (out.data() == input.data()) {
            throw new ShapeException("the output tensor must not be the input: the input is read while the output is written");
        }
    }

    /** Weights plus biases of a conv layer: {@code F*(C/g)*kh*kw + F} (the bias term only when it has one). */
    public static long convParameters(int filters, int channels, int groups, int kh, int kw, boolean bias) {
        return (long) filters * (channels / groups) * kh * kw + (bias ? filters : 0);
    }

    /** Weights plus biases of a dense layer from N inputs to M outputs: {@code N*M + M}. */
    public static long denseParameters(long inputs, long outputs) {
        return inputs * outputs + outputs;
    }

    public static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}

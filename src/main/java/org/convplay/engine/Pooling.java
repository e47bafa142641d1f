package org.convplay.engine;

/**
 * Max and average pooling with each convention's padding rules (docs/conventions.md, "Pooling").
 * Padded cells are absent rather than zero: they never win a max, and an average leaves them out
 * except under PyTorch, whose default {@code count_include_pad=True} divides by the whole window.
 */
public final class Pooling {

    public enum Kind {
        MAX, AVERAGE
    }

    /**
     * Resolved shapes of one pooling: padding {@code [top, bottom, left, right]}, output size, and
     * whether an average divides by the whole window (padding included) or by its real cells only.
     * Window {@code (oy, ox)} covers rows {@code oy*strideY - top ...} and columns {@code ox*strideX - left ...}.
     */
    public record Plan(ConvGeometry.Pads pads, int outHeight, int outWidth, boolean countPadding) {
    }

    private Pooling() {
    }

    public static Tensor max(Tensor input, PoolSpec spec, Convention convention) {
        return pool(Kind.MAX, input, spec, convention);
    }

    public static Tensor average(Tensor input, PoolSpec spec, Convention convention) {
        return pool(Kind.AVERAGE, input, spec, convention);
    }

    /** Pads and output size of pooling an {@code h x w} input; a null convention means {@link Convention#DEFAULT}. */
    public static Plan plan(int h, int w, PoolSpec spec, Convention convention) {
        Convention c = Convention.orDefault(convention);
        int[] v = axis("height", h, spec.sizeY(), spec.strideY(), spec.padding(), true, c);
        int[] x = axis("width", w, spec.sizeX(), spec.strideX(), spec.padding(), false, c);
        return new Plan(new ConvGeometry.Pads(v[0], v[1], x[0], x[1]), v[2], x[2], c.averageCountsPadding());
    }

    /** One axis: returns {before, after, outputs}. */
    private static int[] axis(String name, int n, int p, int s, Padding padding, boolean vertical, Convention c) {
        int before;
        int after;
        int out;
        switch (padding.mode()) {
            case VALID -> {
                before = 0;
                after = 0;
                out = windows(name, n, p, s, 0, 0);
            }
            case EXPLICIT -> {
                before = vertical ? padding.top() : padding.left();
                after = vertical ? padding.bottom() : padding.right();
                if (c == Convention.PYTORCH && (before > p / 2 || after > p / 2)) {
                    throw new ShapeException("pooling padding of the " + name + " (" + before + ", " + after
                            + ") is more than half the pool size (" + p + "), which PyTorch refuses",
                            "error.pool.pytorchPadding", Translatable.Reason.of("error.axis." + name), before, after, p);
                }
                out = windows(name, n, p, s, before, after);
            }
            case SAME -> {
                if (!c.allowsSamePooling()) {
                    throw new ShapeException("PyTorch pooling has no 'same' padding: "
                            + "give explicit padding [top, bottom, left, right] or 'valid'", "error.pool.noSame");
                }
                int wanted = ConvGeometry.ceilDiv(n, s);
                if (c == Convention.THEANO) {
                    // Keras 1 pads p-1 (even p) or p-2 (odd p) on both sides, lets Theano drop the windows that
                    // do not fit (ignore_border), then keeps the first ceil(n/s). A 1-wide pool would get -1: none.
                    int pad = Math.max(p % 2 == 0 ? p - 1 : p - 2, 0);
                    before = pad;
                    after = pad;
                    out = Math.min(windows(name, n, p, s, pad, pad), wanted);
                } else {
                    // TensorFlow's rule; OpenCV and SciPy have no pooling, so they borrow it.
                    int total = Math.max((wanted - 1) * s + p - n, 0);
                    before = total / 2;
                    after = total - before;
                    out = wanted;
                }
            }
            default -> throw new IllegalArgumentException("pooling padding " + padding.id() + " is not supported");
        }
        int lastStart = (out - 1) * s - before;
        if (before >= p || lastStart >= n) {
            throw new ShapeException("a pooling window of the " + name + " would cover only padding (size " + p
                    + ", stride " + s + ", padding " + before + " + " + after + " on " + n + " cells)",
                    "error.pool.onlyPadding", Translatable.Reason.of("error.axis." + name), p, s, before, after, n);
        }
        return new int[] {before, after, out};
    }

    private static int windows(String name, int n, int p, int s, int before, int after) {
        int span = n + before + after - p;
        if (span < 0) {
            throw new ShapeException("the pool's " + name + " (" + p + ") is larger than the padded input ("
                    + n + " + " + before + " + " + after + " = " + (n + before + after) + ")",
                    "error.pool.tooLarge", Translatable.Reason.of("error.axis." + name), p, n, before, after, n + before + after);
        }
        return span / s + 1;
    }

    public static Tensor pool(Kind kind, Tensor input, PoolSpec spec, Convention convention) {
        Plan plan = plan(input.height(), input.width(), spec, convention);
        int h = input.height();
        int w = input.width();
        int top = plan.pads().top();
        int left = plan.pads().left();
        Tensor out = new Tensor(input.channels(), plan.outHeight(), plan.outWidth());
        for (int c = 0; c < input.channels(); c++) {
            for (int oy = 0; oy < plan.outHeight(); oy++) {
                for (int ox = 0; ox < plan.outWidth(); ox++) {
                    float max = Float.NEGATIVE_INFINITY;
                    double sum = 0;
                    int real = 0;
                    int inPaddedArea = 0;
                    for (int j = 0; j < spec.sizeY(); j++) {
                        int y = oy * spec.strideY() + j - top;
                        for (int i = 0; i < spec.sizeX(); i++) {
                            int x = ox * spec.strideX() + i - left;
                            if (y >= -top && y < h + plan.pads().bottom() && x >= -left && x < w + plan.pads().right()) {
                                inPaddedArea++;
                            }
                            if (y < 0 || y >= h || x < 0 || x >= w) {
                                continue;
                            }
                            float v = input.get(c, y, x);
                            max = Math.max(max, v);
                            sum += v;
                            real++;
                        }
                    }
                    float value = kind == Kind.MAX ? max
                            : (float) (sum / (plan.countPadding() ? inPaddedArea : real));
                    out.set(c, oy, ox, value);
                }
            }
        }
        return out;
    }
}

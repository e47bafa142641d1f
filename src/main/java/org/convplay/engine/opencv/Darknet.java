package org.convplay.engine.opencv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.convplay.engine.Border;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.NativeLibraryEngine;
import org.convplay.engine.Tensor;

/**
 * Builds a one-layer OpenCV dnn network for a multi-channel convolution. OpenCV's Java binding cannot set
 * layer parameters directly, but {@code readNetFromDarknet} builds a convolution layer from a Darknet
 * {@code .cfg} text and {@code .weights} bytes, generated here in memory.
 *
 * <p>A Darknet {@code [convolutional]} section knows one square {@code size}, one {@code stride}, one
 * symmetric {@code padding} with zeros, {@code groups} and always a bias; no dilation, no flip. The rest is
 * rewritten: flip and dilation go into the weights (a dilated kernel is a bigger one with zeros between taps),
 * a non-square kernel is embedded in a square one with zero rows or columns at the end, any padding other
 * than equal zero padding on all sides is done in Java before OpenCV sees the input, and unequal strides run
 * with stride 1 and keep every s-th row and column.
 */
final class Darknet {

    private Darknet() {
    }

    /**
     * Weights of every filter and channel, flipped when the spec says so, spread out by the dilation and placed
     * top-left in a {@code height x width} grid of zeros: layout {@code [f][c][y][x]}.
     */
    static float[] effectiveKernel(Kernel kernel, int height, int width, ConvSpec spec) {
        int kh = kernel.height();
        int kw = kernel.width();
        int planes = kernel.filters() * kernel.channelsPerGroup();
        float[] out = new float[planes * height * width];
        for (int f = 0; f < kernel.filters(); f++) {
            for (int c = 0; c < kernel.channelsPerGroup(); c++) {
                int base = (f * kernel.channelsPerGroup() + c) * height * width;
                for (int j = 0; j < kh; j++) {
                    for (int i = 0; i < kw; i++) {
                        float w = spec.flip() ? kernel.weight(f, c, kh - 1 - j, kw - 1 - i) : kernel.weight(f, c, j, i);
                        out[base + j * spec.dilationY() * width + i * spec.dilationX()] = w;
                    }
                }
            }
        }
        return out;
    }

    static CachedNet build(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan) {
        int kh = ConvGeometry.dilatedExtent(kernel.height(), spec.dilationY());
        int kw = ConvGeometry.dilatedExtent(kernel.width(), spec.dilationX());
        int size = Math.max(kh, kw);
        ConvGeometry.Pads p = plan.pads();
        // Darknet pads with zeros, equally on all four sides, and only square kernels
        boolean nativePadding = spec.border() == Border.ZERO && kh == kw
                && p.top() == p.bottom() && p.top() == p.left() && p.top() == p.right();
        int stride = spec.strideY() == spec.strideX() ? spec.strideY() : 1;
        int padding = nativePadding ? p.top() : 0;
        int inHeight = nativePadding ? input.height() : input.height() + p.top() + p.bottom() + size - kh;
        int inWidth = nativePadding ? input.width() : input.width() + p.left() + p.right() + size - kw;

        String cfg = "[net]\nwidth=" + inWidth + "\nheight=" + inHeight + "\nchannels=" + input.channels() + "\n\n"
                + "[convolutional]\nfilters=" + kernel.filters() + "\nsize=" + size + "\nstride=" + stride
                + "\npadding=" + padding + "\ngroups=" + spec.groups() + "\nactivation=linear\n";
        float[] weights = effectiveKernel(kernel, size, size, spec);
        ByteBuffer bytes = ByteBuffer.allocate(20 + 4 * (kernel.filters() + weights.length)).order(ByteOrder.LITTLE_ENDIAN);
        // header: major 0, minor 2, revision 0, then a 64-bit "images seen" counter (minor >= 2)
        bytes.putInt(0).putInt(2).putInt(0).putLong(0);
        for (int f = 0; f < kernel.filters(); f++) {
            bytes.putFloat(kernel.biasOf(f));
        }
        for (float w : weights) {
            bytes.putFloat(w);
        }
        Net net = opencv_dnn.readNetFromDarknet(cfg.getBytes(StandardCharsets.US_ASCII), bytes.array());
        if (net == null || net.empty()) {
            throw new IllegalStateException("OpenCV could not build a convolution layer from:\n" + cfg);
        }
        return new CachedNet(net, input, kernel, spec, plan, nativePadding, inHeight, inWidth, stride);
    }

    /** A built network and what it was built for; one forward pass per call. */
    static final class CachedNet {
        private final Net net;
        private final int channels;
        private final int height;
        private final int width;
        private final float[] weights;
        private final float[] bias;
        private final int kernelHeight;
        private final int kernelWidth;
        private final ConvSpec spec;
        private final ConvGeometry.Plan plan;
        private final boolean nativePadding;
        private final int inHeight;
        private final int inWidth;
        private final int stride;
        private final int filters;

        CachedNet(Net net, Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, boolean nativePadding,
                  int inHeight, int inWidth, int stride) {
            this.net = net;
            this.channels = input.channels();
            this.height = input.height();
            this.width = input.width();
            this.weights = kernel.weights().clone();
            this.bias = kernel.bias() == null ? null : kernel.bias().clone();
            this.kernelHeight = kernel.height();
            this.kernelWidth = kernel.width();
            this.filters = kernel.filters();
            this.spec = spec;
            this.plan = plan;
            this.nativePadding = nativePadding;
            this.inHeight = inHeight;
            this.inWidth = inWidth;
            this.stride = stride;
        }

        boolean matches(Tensor input, Kernel kernel, ConvSpec spec) {
            return input.channels() == channels && input.height() == height && input.width() == width
                    && kernel.filters() == filters && kernel.height() == kernelHeight && kernel.width() == kernelWidth
                    && spec.equals(this.spec)
                    && Arrays.equals(kernel.weights(), weights) && Arrays.equals(kernel.bias(), bias);
        }

        /** One forward pass; the result, {@code filters x oh x ow}, goes into {@code out}. */
        void forward(Tensor input, float[] out) {
            float[] data = nativePadding ? input.data() : pad(input);
            int oh = plan.outHeight();
            int ow = plan.outWidth();
            try (PointerScope scope = new PointerScope()) {
                Mat blob = new Mat(new int[] {1, channels, inHeight, inWidth}, opencv_core.CV_32F, new FloatPointer(data));
                net.setInput(blob);
                Mat result = net.forward();
                int rh = result.size(2);
                int rw = result.size(3);
                int expectedH = stride == spec.strideY() ? oh : (oh - 1) * spec.strideY() + 1;
                if (result.size(1) != filters || rh < expectedH) {
                    throw new IllegalStateException("OpenCV returned " + result.size(1) + "x" + rh + "x" + rw
                            + ", expected " + filters + "x" + oh + "x" + ow);
                }
                if (rh == oh && rw == ow) {
                    new FloatPointer(result.data()).get(out);
                    return;
                }
                float[] full = new float[filters * rh * rw];
                new FloatPointer(result.data()).get(full);
                // stride 1 was used for unequal strides: keep every s-th row and column
                for (int f = 0; f < filters; f++) {
                    for (int y = 0; y < oh; y++) {
                        for (int x = 0; x < ow; x++) {
                            out[(f * oh + y) * ow + x] = full[(f * rh + y * spec.strideY()) * rw + x * spec.strideX()];
                        }
                    }
                }
            }
        }

        /**
         * The network with its input blob in native memory, for timing dnn alone ({@link OpenCvEngine#prepare}); only
         * when Darknet pads by itself and the layer's output is the result, with nothing kept or dropped.
         */
        NativeLibraryEngine.Prepared prepare(Tensor input) {
            if (!nativePadding || stride != spec.strideY() || stride != spec.strideX()) {
                throw new UnsupportedOperationException("dnn takes only equal zero padding and equal strides in one call");
            }
            FloatPointer data = new FloatPointer(input.data());
            Mat blob = new Mat(new int[] {1, channels, inHeight, inWidth}, opencv_core.CV_32F, data);
            CachedNet net = this;
            return new NativeLibraryEngine.Prepared() {
                private Mat result;

                @Override
                public String call() {
                    return "dnn";
                }

                @Override
                public void compute() {
                    if (result != null) {
                        result.close();
                    }
                    net.net.setInput(blob);
                    result = net.net.forward();
                }

                @Override
                public void copy(Tensor in, float[] out) {
                    data.put(in.data());
                    if (result == null || result.size(2) != plan.outHeight() || result.size(3) != plan.outWidth()) {
                        throw new IllegalStateException("no dnn result of the expected shape to copy");
                    }
                    new FloatPointer(result.data()).get(out);
                }

                @Override
                public void close() {
                    if (result != null) {
                        result.close();
                    }
                    blob.close();
                    data.close();
                    net.close();
                }
            };
        }

        /** The input padded as the spec asks, plus zero rows/columns at the end for a square-embedded kernel. */
        private float[] pad(Tensor input) {
            float[] out = new float[channels * inHeight * inWidth];
            float[] in = input.data();
            Border border = spec.border();
            int top = plan.pads().top();
            int left = plan.pads().left();
            int paddedHeight = height + top + plan.pads().bottom();
            int paddedWidth = width + left + plan.pads().right();
            int[] cols = new int[paddedWidth];
            for (int x = 0; x < paddedWidth; x++) {
                cols[x] = border.sourceIndex(x - left, width);
            }
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < paddedHeight; y++) {
                    int sy = border.sourceIndex(y - top, height);
                    if (sy < 0) {
                        continue;
                    }
                    int src = (c * height + sy) * width;
                    int dst = (c * inHeight + y) * inWidth;
                    for (int x = 0; x < paddedWidth; x++) {
                        out[dst + x] = cols[x] < 0 ? 0f : in[src + cols[x]];
                    }
                }
            }
            return out;
        }

        void close() {
            net.deallocate();
        }
    }
}

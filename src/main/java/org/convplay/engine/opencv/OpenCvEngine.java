package org.convplay.engine.opencv;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.convplay.engine.Border;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.InPlaceEngine;
import org.convplay.engine.Kernel;
import org.convplay.engine.NativeLibraryEngine;
import org.convplay.engine.Tensor;

/**
 * OpenCV 4.11 (through JavaCPP) as a convolution engine, the yardstick the benchmark page compares against.
 * One channel and one filter go to {@code imgproc.filter2D}; anything else to a one-layer {@code dnn} network
 * built from a generated Darknet description. Whatever OpenCV cannot express directly (flip, dilation,
 * non-square kernels, uneven padding, WRAP, unequal strides) is rewritten into what it can, so every
 * request gives the reference engine's numbers; see {@link Darknet} and {@link #filter2d}.
 *
 * <p>Native libraries may be missing on a platform: {@link #isAvailable()} says so, with
 * {@link #unavailableReason()}, instead of failing on first use.
 */
public final class OpenCvEngine extends InPlaceEngine implements NativeLibraryEngine {

    public static final String NAME = "opencv";

    private static final String UNAVAILABLE = probe();

    /** Last dnn network built, reused while the same weights, spec and input shape come back. */
    private Darknet.CachedNet cached;
    /** Native source and result images of the last filter2D size, reused like the network. */
    private Images images;

    /**
     * Native memory for one image size. Allocating 2 x 16 MB of fresh native memory per call (and the page
     * faults that follow) cost ten times filter2D itself on 2048 x 2048 (docs/performance.md), which
     * would have made OpenCV look slower than it is; an application reusing its Mats pays only the two copies.
     */
    private static final class Images {
        final int height;
        final int width;
        final FloatPointer src;
        final FloatPointer dst;
        final Mat srcMat;
        final Mat dstMat;

        Images(int height, int width) {
            this.height = height;
            this.width = width;
            this.src = new FloatPointer((long) height * width);
            this.dst = new FloatPointer((long) height * width);
            this.srcMat = new Mat(height, width, opencv_core.CV_32F, src);
            this.dstMat = new Mat(height, width, opencv_core.CV_32F, dst);
        }

        boolean fits(int h, int w) {
            return h == height && w == width;
        }

        void close() {
            srcMat.close();
            dstMat.close();
            src.close();
            dst.close();
        }
    }

    /** Throws {@link IllegalStateException} with the reason when OpenCV's native code cannot load. */
    public OpenCvEngine() {
        if (UNAVAILABLE != null) {
            throw new IllegalStateException("OpenCV is not available: " + UNAVAILABLE);
        }
    }

    private static String probe() {
        try {
            Loader.load(opencv_core.class);
            Loader.load(opencv_imgproc.class);
            Loader.load(opencv_dnn.class);
            return null;
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError...: report, never crash the app
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Whether OpenCV's native libraries loaded on this machine. */
    public static boolean isAvailable() {
        return UNAVAILABLE == null;
    }

    /** Why OpenCV is not available, or null when it is. */
    public static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** OpenCV's version and the number of threads it uses, for the benchmark's machine description. */
    @Override
    public String describe() {
        return isAvailable() ? "OpenCV " + opencv_core.CV_VERSION() + " (" + opencv_core.getNumThreads() + " threads)"
                : "OpenCV unavailable: " + UNAVAILABLE;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** OpenCV's result goes from native memory straight into {@code out}, with no Java array in between. */
    @Override
    protected Tensor run(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Tensor out) {
        if (input.channels() == 1 && kernel.filters() == 1) {
            filter2d(input, kernel, spec, plan, out.data());
            return out;
        }
        synchronized (this) { // a dnn Net is not thread-safe; OpenCV parallelises inside forward() anyway
            if (cached == null || !cached.matches(input, kernel, spec)) {
                if (cached != null) {
                    cached.close();
                }
                cached = Darknet.build(input, kernel, spec, plan);
            }
            cached.forward(input, out.data());
            return out;
        }
    }

    /** OpenCV's border type for each of ours (docs/conventions.md, "Border fill"). */
    static int borderType(Border border) {
        return switch (border) {
            case ZERO -> opencv_core.BORDER_CONSTANT;
            case REFLECT -> opencv_core.BORDER_REFLECT_101;
            case SYMMETRIC -> opencv_core.BORDER_REFLECT;
            case REPLICATE -> opencv_core.BORDER_REPLICATE;
            case WRAP -> opencv_core.BORDER_WRAP;
        };
    }

    /**
     * {@code filter2D} computes {@code dst(y,x) = sum k(j,i) * src(y + j - ay, x + i - ax)} over a same-size output.
     * With stride 1 and pads that add up to the kernel's extent minus one (every {@code same}/{@code half} case),
     * the anchor {@code (left, top)} makes that exactly our output and OpenCV fills the border itself.
     * Otherwise the input is padded with {@code copyMakeBorder} first and the fully-inside part of the result
     * is kept, subsampled for stride. filter2D has no WRAP border, so WRAP always goes that second way.
     */
    private void filter2d(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, float[] result) {
        int kh = ConvGeometry.dilatedExtent(kernel.height(), spec.dilationY());
        int kw = ConvGeometry.dilatedExtent(kernel.width(), spec.dilationX());
        float[] k = Darknet.effectiveKernel(kernel, kh, kw, spec);
        double bias = kernel.biasOf(0);
        ConvGeometry.Pads pads = plan.pads();
        int oh = plan.outHeight();
        int ow = plan.outWidth();
        int type = borderType(spec.border());
        boolean direct = spec.strideY() == 1 && spec.strideX() == 1 && spec.border() != Border.WRAP
                && pads.top() + pads.bottom() == kh - 1 && pads.left() + pads.right() == kw - 1;
        if (direct) {
            synchronized (this) {
                if (images == null || !images.fits(input.height(), input.width())) {
                    if (images != null) {
                        images.close();
                    }
                    images = new Images(input.height(), input.width());
                }
                images.src.put(input.data());
                try (PointerScope scope = new PointerScope()) {
                    Mat kmat = new Mat(kh, kw, opencv_core.CV_32F, new FloatPointer(k));
                    opencv_imgproc.filter2D(images.srcMat, images.dstMat, opencv_core.CV_32F, kmat,
                            new Point(pads.left(), pads.top()), bias, type);
                }
                images.dst.get(result);
            }
            return;
        }
        try (PointerScope scope = new PointerScope()) {
            Mat src = new Mat(input.height(), input.width(), opencv_core.CV_32F, new FloatPointer(input.data()));
            Mat kmat = new Mat(kh, kw, opencv_core.CV_32F, new FloatPointer(k));
            Mat dst = new Mat();
            Mat padded = new Mat();
            opencv_core.copyMakeBorder(src, padded, pads.top(), pads.bottom(), pads.left(), pads.right(), type,
                    new Scalar(0.0));
            // anchor (0, 0): dst(y, x) reads padded rows y..y+kh-1, inside the padded image for y <= rows - kh
            opencv_imgproc.filter2D(padded, dst, opencv_core.CV_32F, kmat, new Point(0, 0), bias,
                    opencv_core.BORDER_CONSTANT);
            int width = dst.cols();
            float[] full = new float[dst.rows() * width];
            new FloatPointer(dst.data()).get(full);
            for (int y = 0; y < oh; y++) {
                int row = y * spec.strideY() * width;
                for (int x = 0; x < ow; x++) {
                    result[y * ow + x] = full[row + x * spec.strideX()];
                }
            }
        }
    }

    /**
     * {@code filter2D} (one channel, one filter) or the dnn layer, as OpenCV's users call them: the input in native
     * memory once, the output reused. Only requests that OpenCV takes in one call: for filter2D stride 1 and pads
     * that add up to the kernel's extent minus one, no WRAP; for dnn equal zero padding on all sides.
     */
    @Override
    public Prepared prepare(Tensor input, Kernel kernel, ConvSpec spec) {
        ConvGeometry.Plan plan = ConvGeometry.check(input, kernel, spec);
        if (input.channels() == 1 && kernel.filters() == 1) {
            return new Filter2d(input, kernel, spec, plan);
        }
        Darknet.CachedNet net = Darknet.build(input, kernel, spec, plan);
        try {
            return net.prepare(input);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /** filter2D on images allocated once, as in {@link #filter2d}'s direct case. */
    private static final class Filter2d implements Prepared {
        private final Images images;
        private final Mat kernelMat;
        private final FloatPointer kernelData;
        private final Point anchor;
        private final double bias;
        private final int borderType;

        Filter2d(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan) {
            int kh = ConvGeometry.dilatedExtent(kernel.height(), spec.dilationY());
            int kw = ConvGeometry.dilatedExtent(kernel.width(), spec.dilationX());
            ConvGeometry.Pads pads = plan.pads();
            if (spec.strideY() != 1 || spec.strideX() != 1 || spec.border() == Border.WRAP
                    || pads.top() + pads.bottom() != kh - 1 || pads.left() + pads.right() != kw - 1) {
                throw new UnsupportedOperationException("filter2D takes only stride 1, no wrap and 'same'-sized"
                        + " padding in one call");
            }
            images = new Images(input.height(), input.width());
            images.src.put(input.data());
            kernelData = new FloatPointer(Darknet.effectiveKernel(kernel, kh, kw, spec));
            kernelMat = new Mat(kh, kw, opencv_core.CV_32F, kernelData);
            anchor = new Point(pads.left(), pads.top());
            bias = kernel.biasOf(0);
            borderType = borderType(spec.border());
        }

        @Override
        public String call() {
            return "filter2D";
        }

        @Override
        public void compute() {
            opencv_imgproc.filter2D(images.srcMat, images.dstMat, opencv_core.CV_32F, kernelMat, anchor, bias, borderType);
        }

        @Override
        public void copy(Tensor input, float[] out) {
            images.src.put(input.data());
            images.dst.get(out);
        }

        @Override
        public void close() {
            images.close();
            kernelMat.close();
            kernelData.close();
            anchor.close();
        }
    }

    /** Frees the cached network's native memory. */
    public synchronized void close() {
        if (cached != null) {
            cached.close();
            cached = null;
        }
        if (images != null) {
            images.close();
            images = null;
        }
    }
}

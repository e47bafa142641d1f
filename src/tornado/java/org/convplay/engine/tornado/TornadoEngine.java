package org.convplay.engine.tornado;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convplay.engine.Border;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.InPlaceEngine;
import org.convplay.engine.Kernel;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PipelineEngine;
import org.convplay.engine.tornado.kernel.ConvolutionKernels;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

/**
 * The TornadoVM engine: OpenCL/PTX/SPIR-V kernels JIT-compiled by TornadoVM from {@link ConvolutionKernels} and
 * {@link org.convplay.engine.tornado.kernel.WinogradKernels}, one of three forms per request ({@link KernelPath}).
 * Built only by the {@code tornado} Maven profile (JDK 25, TornadoVM's API on the class path) and found by
 * {@link org.convplay.engine.EngineRegistry} through reflection, so nothing else sees these types.
 *
 * <p>The host does everything that is not arithmetic: it pads the input with the spec's border rule into a flat
 * C x H_p x W_p array (so the kernel never tests a bound or a border) and flips the weights when the spec asks for
 * true convolution. The device then computes, for every (f, oy, ox),
 * {@code bias[f] + sum over c, j, i of w[f][c][j][i] * padded[g*C/g + c][oy*sy + j*dy][ox*sx + i*dx]}.
 *
 * <p>Compiling a plan takes a noticeable fraction of a second, so plans are cached per shape (everything but the numbers, the border and
 * the flip, which the host has already applied), least recently used first out, each closed when evicted.
 * A bailout to sequential Java is an error here, never a silent fallback: see {@link #BAILOUT_PROPERTY}.
 */
public final class TornadoEngine extends InPlaceEngine implements PipelineEngine, AutoCloseable {

    public static final String NAME = "tornado";

    /** "backend:device" indices as {@code tornado --devices} lists them ("0:0"), or part of a device's name ("H100"). */
    public static final String DEVICE_PROPERTY = "convplay.tornado.device";
    public static final String DEVICE_ENV = "CONVPLAY_TORNADO_DEVICE";

    /**
     * TornadoVM's own switch: when a kernel cannot be compiled it runs the Java method sequentially on the host
     * and says nothing unless asked. This engine turns that off (unless the JVM was started with the property)
     * so that a failed compilation reaches the caller as an exception.
     */
    public static final String BAILOUT_PROPERTY = "tornado.recover.bailout";

    /** Compiled plans kept; each holds its device buffers. */
    static final int MAX_PLANS = 8;
    /** Off-heap bytes the cached plans may hold between them (their host-side arrays; the device holds as much). */
    static final long MAX_PLAN_BYTES = 512L << 20;
    /** Compiled pipelines kept. */
    static final int MAX_PIPELINE_PLANS = 4;

    private static final Pattern INDICES = Pattern.compile("(\\d+):(\\d+)");
    /** Task-graph names are global to TornadoVM's runtime: unique per JVM, whatever the number of engines. */
    private static final AtomicInteger GRAPH_IDS = new AtomicInteger();

    static {
        if (System.getProperty(BAILOUT_PROPERTY) == null) {
            System.setProperty(BAILOUT_PROPERTY, "false");
        }
    }

    private final TornadoDevice device;
    /** The path to take where it applies, null for the automatic choice: see {@link KernelPath#choose}. */
    private final KernelPath preferred;
    private final Map<Shape, CompiledPlan> plans = new LinkedHashMap<>(16, 0.75f, true);
    private long planBytes;
    /** Whole pipelines' plans, kept apart (few and larger): see {@link #runLayers}. */
    private final Map<PipelinePlan.Key, PipelinePlan> pipelinePlans = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * Picks the device and checks, on a small request, that a kernel compiles and gives the reference's numbers
     * there; the registry reports any exception as the reason the engine is absent.
     */
    public TornadoEngine() {
        this(null);
    }

    /** An engine that takes {@code preferred} wherever it covers the shape (for tests: each path on its own). */
    public TornadoEngine(KernelPath preferred) {
        this.device = chooseDevice(configuredDevice());
        this.preferred = preferred;
        selfTest();
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The device the kernels run on, for the benchmark page, e.g.
     * "TornadoVM OPENCL opencl-0-0: pthread-haswell-AMD EPYC (Portable Computing Language)".
     */
    @Override
    public String describe() {
        return "TornadoVM " + device.getTornadoVMBackend() + " " + device.getDeviceName() + ": " + deviceName()
                + " (" + device.getPlatformName().trim() + ")"
                + ("false".equals(System.getProperty(BAILOUT_PROPERTY)) ? "" : ", bailout to Java allowed");
    }

    /** The hardware's own name, e.g. "NVIDIA H100 80GB HBM3" or PoCL's "pthread-haswell-AMD EPYC". */
    public String deviceName() {
        return device.getPhysicalDevice().getDeviceName().trim();
    }

    /** The device's output is copied straight into {@code out}. */
    @Override
    protected synchronized Tensor run(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan geometry, Tensor out) {
        Shape shape = Shape.of(input, kernel, spec, geometry);
        CompiledPlan plan = plan(shape);
        pad(input, spec.border(), geometry.pads(), plan.rows, plan.columns, plan.padded);
        float[] w = weights(kernel, spec.flip());
        if (plan.path == KernelPath.WINOGRAD) {
            w = winogradWeights(w);
        }
        MemorySegment.copy(w, 0, plan.weights.getSegment(), ValueLayout.JAVA_FLOAT, 0, w.length);
        float[] bias = kernel.hasBias() ? kernel.bias() : new float[kernel.filters()];
        MemorySegment.copy(bias, 0, plan.bias.getSegment(), ValueLayout.JAVA_FLOAT, 0, bias.length);
        try {
            plan.execution.execute();
        } catch (RuntimeException | Error e) {
            // a plan that failed (bailout, device error) is not kept: the next request compiles afresh
            plans.remove(shape);
            planBytes -= plan.bytes;
            // closing a plan whose kernel failed can fail too (TornadoInternalError, an Error): that is reported
            // alongside the failure, never instead of it
            closeAfter(plan, e);
            throw e;
        }
        copyOut(plan.output, out.data());
        return out;
    }

    /**
     * The whole pipeline as one task graph, the layers' data kept on the device between them ({@link PipelinePlan});
     * plans are cached per structure like single convolutions', at most {@link #MAX_PIPELINE_PLANS}.
     */
    @Override
    public synchronized List<Tensor> runLayers(Pipeline pipeline, Tensor input, boolean everyLayer) {
        PipelinePlan.Key key = PipelinePlan.Key.of(pipeline, input, everyLayer);
        PipelinePlan plan = pipelinePlans.get(key);
        if (plan == null) {
            Iterator<PipelinePlan> it = pipelinePlans.values().iterator();
            while (it.hasNext() && pipelinePlans.size() >= MAX_PIPELINE_PLANS) {
                PipelinePlan old = it.next();
                it.remove();
                old.close();
            }
            plan = new PipelinePlan(pipeline, input.shape(), everyLayer, preferred, device, GRAPH_IDS.getAndIncrement());
            pipelinePlans.put(key, plan);
        }
        try {
            return plan.run(pipeline, input);
        } catch (RuntimeException | Error e) {
            pipelinePlans.remove(key);
            closeAfter(plan, e);
            throw e;
        }
    }

    /** Everything a compiled plan depends on: sizes, groups, strides, dilations (not the numbers, border or flip). */
    record Shape(int channels, int paddedH, int paddedW, int filters, int channelsPerGroup, int groups, int kh,
                 int kw, int outH, int outW, int sy, int sx, int dy, int dx) {

        static Shape of(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan geometry) {
            ConvGeometry.Pads p = geometry.pads();
            int ph = checkedInt("padded height", (long) input.height() + p.top() + p.bottom());
            int pw = checkedInt("padded width", (long) input.width() + p.left() + p.right());
            Shape s = new Shape(input.channels(), ph, pw, kernel.filters(), kernel.channelsPerGroup(), spec.groups(),
                    kernel.height(), kernel.width(), geometry.outHeight(), geometry.outWidth(), spec.strideY(),
                    spec.strideX(), spec.dilationY(), spec.dilationX());
            checkedInt("padded input", (long) s.channels * ph * pw);
            checkedInt("output", s.outputs());
            return s;
        }

        long paddedSize() {
            return (long) channels * paddedH * paddedW;
        }

        long outputs() {
            return (long) filters * outH * outW;
        }

        long weightCount() {
            return (long) filters * channelsPerGroup * kh * kw;
        }

        long bytes() {
            return 4 * (paddedSize() + outputs() + weightCount() + filters);
        }
    }

    static int checkedInt(String what, long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the " + what + " (" + n + " values) is too large for the tornado engine");
        }
        return (int) n;
    }

    /** The path a request of this shape takes on this engine. */
    public KernelPath pathFor(Tensor input, Kernel kernel, ConvSpec spec) {
        return KernelPath.choose(Shape.of(input, kernel, spec, ConvGeometry.check(input, kernel, spec)), preferred);
    }

    private CompiledPlan plan(Shape shape) {
        CompiledPlan plan = plans.get(shape);
        if (plan != null) {
            return plan;
        }
        evictFor(shape.bytes());
        plan = new CompiledPlan(shape, KernelPath.choose(shape, preferred), device, GRAPH_IDS.getAndIncrement());
        plans.put(shape, plan);
        planBytes += plan.bytes;
        return plan;
    }

    /** Closes least recently used plans until one more of {@code bytes} fits both limits. */
    private void evictFor(long bytes) {
        Iterator<CompiledPlan> it = plans.values().iterator();
        while (it.hasNext() && (plans.size() >= MAX_PLANS || planBytes + bytes > MAX_PLAN_BYTES)) {
            CompiledPlan old = it.next();
            it.remove();
            planBytes -= old.bytes;
            old.close();
        }
    }

    /** Closes {@code plan} after {@code failure}; what closing throws is added to the failure as suppressed. */
    private static void closeAfter(AutoCloseable plan, Throwable failure) {
        try {
            plan.close();
        } catch (Exception | Error closing) {
            failure.addSuppressed(closing);
        }
    }

    /** Releases every cached plan and its device memory. */
    @Override
    public synchronized void close() {
        List<CompiledPlan> all = new ArrayList<>(plans.values());
        plans.clear();
        planBytes = 0;
        for (CompiledPlan p : all) {
            p.close();
        }
        List<PipelinePlan> pipelines = new ArrayList<>(pipelinePlans.values());
        pipelinePlans.clear();
        for (PipelinePlan p : pipelines) {
            p.close();
        }
    }

    /** Cached plans, for tests. */
    synchronized int cachedPlans() {
        return plans.size();
    }

    /** Cached pipeline plans, for tests. */
    synchronized int cachedPipelinePlans() {
        return pipelinePlans.size();
    }

    /**
     * Writes the padded input into {@code rows x columns} per channel, row by row: interior rows copied in bulk,
     * border cells through {@link Border}; rows and columns past the padded input (a plan may ask for more) are 0.
     */
    static void pad(Tensor input, Border border, ConvGeometry.Pads pads, int rows, int columns, FloatArray padded) {
        int h = input.height();
        int w = input.width();
        int left = pads.left();
        int pw = Math.min(columns, left + w + pads.right());
        int ph = Math.min(rows, pads.top() + h + pads.bottom());
        int[] sourceX = new int[columns];
        for (int x = 0; x < columns; x++) {
            sourceX[x] = x < pw ? border.sourceIndex(x - left, w) : -1;
        }
        float[] data = input.data();
        MemorySegment target = padded.getSegment();
        inParallel(input.channels() * rows, (long) input.channels() * rows * columns, cy -> {
            int c = cy / rows;
            int y = cy - c * rows;
            long first = (long) cy * columns;
            int sy = y < ph ? border.sourceIndex(y - pads.top(), h) : -1;
            if (sy < 0) {
                target.asSlice(first * Float.BYTES, (long) columns * Float.BYTES).fill((byte) 0);
                return;
            }
            int base = (c * h + sy) * w;
            MemorySegment.copy(data, base, target, ValueLayout.JAVA_FLOAT, (first + left) * Float.BYTES, w);
            for (int x = 0; x < left; x++) {
                target.setAtIndex(ValueLayout.JAVA_FLOAT, first + x, sourceX[x] < 0 ? 0f : data[base + sourceX[x]]);
            }
            for (int x = left + w; x < columns; x++) {
                target.setAtIndex(ValueLayout.JAVA_FLOAT, first + x, sourceX[x] < 0 ? 0f : data[base + sourceX[x]]);
            }
        });
    }

    /** Values from which the host's copies are split over the common pool's threads: below, a thread costs more. */
    static final long PARALLEL_COPY_VALUES = 1 << 16;

    /**
     * {@code body(0 .. n-1)}, in parallel when they move {@code values} of at least {@link #PARALLEL_COPY_VALUES}:
     * the host's copies of large inputs and outputs are bound by memory bandwidth, which one core does not use up.
     */
    private static void inParallel(int n, long values, java.util.function.IntConsumer body) {
        java.util.stream.IntStream indices = java.util.stream.IntStream.range(0, n);
        (values >= PARALLEL_COPY_VALUES ? indices.parallel() : indices).forEach(body);
    }

    /** The device's output, as it came back, into {@code out}: in slices, in parallel when large. */
    private static void copyOut(FloatArray output, float[] out) {
        int slice = 1 << 14;
        int slices = (out.length + slice - 1) / slice;
        inParallel(slices, out.length, s -> {
            int from = s * slice;
            MemorySegment.copy(output.getSegment(), ValueLayout.JAVA_FLOAT, (long) from * Float.BYTES, out, from,
                    Math.min(slice, out.length - from));
        });
    }

    /** The weights as the kernel reads them: flipped in both axes for true convolution. */
    static float[] weights(Kernel kernel, boolean flip) {
        float[] w = kernel.weights();
        if (!flip) {
            return w;
        }
        int kh = kernel.height();
        int kw = kernel.width();
        float[] flipped = new float[w.length];
        for (int base = 0; base < w.length; base += kh * kw) {
            for (int j = 0; j < kh; j++) {
                for (int i = 0; i < kw; i++) {
                    flipped[base + j * kw + i] = w[base + (kh - 1 - j) * kw + (kw - 1 - i)];
                }
            }
        }
        return flipped;
    }

    /**
     * Winograd's {@code U = G g G^T} for every 3x3 filter-channel {@code g} of OIHW weights, laid out as
     * {@link org.convplay.engine.tornado.kernel.WinogradKernels} reads it: {@code u[(p * filters + f) *
     * channelsPerGroup + c]} for position {@code p} of the 4x4, with {@code G = [1 0 0; 1/2 1/2 1/2; 1/2 -1/2 1/2;
     * 0 0 1]}. Summed in double, rounded once.
     */
    static float[] winogradWeights(float[] w) {
        int pairs = w.length / 9;
        float[] u = new float[16 * pairs];
        double[] gg = new double[12];
        for (int pair = 0; pair < pairs; pair++) {
            int g = pair * 9;
            // G g: 4 rows of 3
            for (int j = 0; j < 3; j++) {
                double top = w[g + j];
                double middle = w[g + 3 + j];
                double bottom = w[g + 6 + j];
                gg[j] = top;
                gg[3 + j] = (top + middle + bottom) / 2;
                gg[6 + j] = (top - middle + bottom) / 2;
                gg[9 + j] = bottom;
            }
            // (G g) G^T: each row's 3 values the same way
            for (int i = 0; i < 4; i++) {
                double left = gg[3 * i];
                double middle = gg[3 * i + 1];
                double right = gg[3 * i + 2];
                u[(4 * i) * pairs + pair] = (float) left;
                u[(4 * i + 1) * pairs + pair] = (float) ((left + middle + right) / 2);
                u[(4 * i + 2) * pairs + pair] = (float) ((left - middle + right) / 2);
                u[(4 * i + 3) * pairs + pair] = (float) right;
            }
        }
        return u;
    }

    static String configuredDevice() {
        String value = System.getProperty(DEVICE_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(DEVICE_ENV);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * TornadoVM's default device when nothing is configured; otherwise "backend:device" indices, or the first
     * device whose name contains the text (case-insensitive). An unknown device is an error, not the default.
     */
    static TornadoDevice chooseDevice(String wanted) {
        if (wanted == null) {
            return TornadoExecutionPlan.DEFAULT_DEVICE;
        }
        Matcher m = INDICES.matcher(wanted);
        if (m.matches()) {
            return TornadoExecutionPlan.getDevice(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        String needle = wanted.toLowerCase(Locale.ROOT);
        List<String> seen = new ArrayList<>();
        var map = TornadoExecutionPlan.getTornadoDeviceMap();
        for (var backend : map.getAllBackends()) {
            for (int d = 0; d < backend.getNumDevices(); d++) {
                TornadoDevice candidate = backend.getDevice(d);
                String name = candidate.getPhysicalDevice().getDeviceName().trim();
                seen.add(candidate.getBackendIndex() + ":" + d + " " + name);
                if (name.toLowerCase(Locale.ROOT).contains(needle)) {
                    return candidate;
                }
            }
        }
        throw new IllegalArgumentException("no TornadoVM device matches " + DEVICE_PROPERTY + "='" + wanted
                + "'; devices: " + String.join(", ", seen));
    }

    /**
     * Two small requests compiled, run and compared once with the reference, exactly (small integers, so every path
     * sums them without rounding): a 2-channel, 2-group, strided, padded, flipped one with bias (the tiled kernel),
     * and an 8-channel 3x3 layer of odd size (Winograd).
     */
    private void selfTest() {
        Kernel grouped = new Kernel(4, 1, 3, 3, integers(4 * 9, 5, 7, 3), new float[] {1, -2, 3, 0.5f});
        Kernel layer = new Kernel(2, 8, 3, 3, integers(2 * 8 * 9, 3, 5, 2), new float[] {1, -2});
        try {
            selfTest(new Tensor(2, 5, 6, integers(2 * 5 * 6, 7, 11, 5)), grouped,
                    ConvSpec.DEFAULT.withPadding(org.convplay.engine.Padding.SAME).withStride(1, 2).withGroups(2)
                            .withFlip(true).withBorder(Border.REFLECT));
            selfTest(new Tensor(8, 5, 7, integers(8 * 5 * 7, 7, 11, 5)), layer,
                    ConvSpec.DEFAULT.withPadding(org.convplay.engine.Padding.SAME).withBorder(Border.REPLICATE));
        } catch (RuntimeException | Error e) {
            for (CompiledPlan p : List.copyOf(plans.values())) {
                closeAfter(p, e);
            }
            plans.clear();
            planBytes = 0;
            throw e;
        }
        close();
    }

    private void selfTest(Tensor input, Kernel kernel, ConvSpec spec) {
        Tensor expected = new ReferenceEngine().convolve(input, kernel, spec);
        if (!expected.equals(convolve(input, kernel, spec))) {
            throw new IllegalStateException("the TornadoVM kernel (" + pathFor(input, kernel, spec) + ") on "
                    + device.getDeviceName() + " does not give the reference's numbers on its self-test");
        }
    }

    /** {@code (i * step % modulus) - offset} for i below n: small integers, each float sum of them exact. */
    private static float[] integers(int n, int step, int modulus, int offset) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (i * step % modulus) - offset;
        }
        return values;
    }
}

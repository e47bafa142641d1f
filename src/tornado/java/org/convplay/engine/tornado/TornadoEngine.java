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
import org.convplay.engine.tornado.kernel.ConvolutionKernels;
import uk.ac.manchester.tornado.api.ImmutableTaskGraph;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

/**
 * The TornadoVM engine: one OpenCL/PTX/SPIR-V kernel over every output value, JIT-compiled by TornadoVM from
 * {@link ConvolutionKernels#correlate}. Built only by the {@code tornado} Maven profile (JDK 25, TornadoVM's API on the class path)
 * and found by {@link org.convplay.engine.EngineRegistry} through reflection, so nothing else sees these types.
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
public final class TornadoEngine extends InPlaceEngine implements AutoCloseable {

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

    private static final Pattern INDICES = Pattern.compile("(\\d+):(\\d+)");
    /** Task-graph names are global to TornadoVM's runtime: unique per JVM, whatever the number of engines. */
    private static final AtomicInteger GRAPH_IDS = new AtomicInteger();

    static {
        if (System.getProperty(BAILOUT_PROPERTY) == null) {
            System.setProperty(BAILOUT_PROPERTY, "false");
        }
    }

    private final TornadoDevice device;
    private final Map<Shape, CompiledPlan> plans = new LinkedHashMap<>(16, 0.75f, true);
    private long planBytes;

    /**
     * Picks the device and checks, on a small request, that a kernel compiles and gives the reference's numbers
     * there; the registry reports any exception as the reason the engine is absent.
     */
    public TornadoEngine() {
        this.device = chooseDevice(configuredDevice());
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
        pad(input, spec.border(), geometry.pads(), shape, plan.padded);
        MemorySegment.copy(weights(kernel, spec.flip()), 0, plan.weights.getSegment(), ValueLayout.JAVA_FLOAT, 0,
                kernel.weights().length);
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
        MemorySegment.copy(plan.output.getSegment(), ValueLayout.JAVA_FLOAT, 0, out.data(), 0, out.data().length);
        return out;
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

    private static int checkedInt(String what, long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the " + what + " (" + n + " values) is too large for the tornado engine");
        }
        return (int) n;
    }

    /** One compiled task graph with the off-heap arrays it reads and writes. */
    private static final class CompiledPlan implements AutoCloseable {
        final FloatArray padded;
        final FloatArray weights;
        final FloatArray bias;
        final FloatArray output;
        final TornadoExecutionPlan execution;
        final long bytes;

        CompiledPlan(Shape s, TornadoDevice device, int id) {
            padded = new FloatArray((int) s.paddedSize());
            weights = new FloatArray((int) s.weightCount());
            bias = new FloatArray(s.filters());
            output = new FloatArray((int) s.outputs());
            bytes = s.bytes();
            TaskGraph graph = new TaskGraph("conv" + id)
                    .transferToDevice(DataTransferMode.EVERY_EXECUTION, padded, weights, bias)
                    .task("correlate", ConvolutionKernels::correlate, padded, weights, bias, output, (int) s.outputs(),
                            s.outH(), s.outW(), s.filters() / s.groups(), s.channelsPerGroup(), s.paddedH(),
                            s.paddedW(), s.kh(), s.kw(), s.sy(), s.sx(), s.dy(), s.dx())
                    .transferToHost(DataTransferMode.EVERY_EXECUTION, output);
            ImmutableTaskGraph immutable = graph.snapshot();
            execution = new TornadoExecutionPlan(immutable).withDevice(device);
        }

        @Override
        public void close() {
            try {
                execution.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not release a TornadoVM execution plan: " + e.getMessage(), e);
            }
        }
    }

    private CompiledPlan plan(Shape shape) {
        CompiledPlan plan = plans.get(shape);
        if (plan != null) {
            return plan;
        }
        evictFor(shape.bytes());
        plan = new CompiledPlan(shape, device, GRAPH_IDS.getAndIncrement());
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
    private static void closeAfter(CompiledPlan plan, Throwable failure) {
        try {
            plan.close();
        } catch (RuntimeException | Error closing) {
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
    }

    /** Cached plans, for tests. */
    synchronized int cachedPlans() {
        return plans.size();
    }

    /** Writes the padded input, row by row: interior rows copied in bulk, border cells through {@link Border}. */
    static void pad(Tensor input, Border border, ConvGeometry.Pads pads, Shape s, FloatArray padded) {
        int h = input.height();
        int w = input.width();
        int pw = s.paddedW();
        float[] row = new float[pw];
        int[] sourceX = new int[pw];
        for (int x = 0; x < pw; x++) {
            sourceX[x] = border.sourceIndex(x - pads.left(), w);
        }
        float[] data = input.data();
        MemorySegment target = padded.getSegment();
        for (int c = 0; c < input.channels(); c++) {
            for (int y = 0; y < s.paddedH(); y++) {
                int sy = border.sourceIndex(y - pads.top(), h);
                if (sy < 0) {
                    java.util.Arrays.fill(row, 0f);
                } else {
                    int base = (c * h + sy) * w;
                    for (int x = 0; x < pads.left(); x++) {
                        row[x] = sourceX[x] < 0 ? 0f : data[base + sourceX[x]];
                    }
                    System.arraycopy(data, base, row, pads.left(), w);
                    for (int x = pads.left() + w; x < pw; x++) {
                        row[x] = sourceX[x] < 0 ? 0f : data[base + sourceX[x]];
                    }
                }
                long offset = ((long) c * s.paddedH() + y) * pw * Float.BYTES;
                MemorySegment.copy(row, 0, target, ValueLayout.JAVA_FLOAT, offset, pw);
            }
        }
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

    /** A 2-channel, 2-group, strided, padded, flipped request with bias: compiled, run and compared once. */
    private void selfTest() {
        float[] in = new float[2 * 5 * 6];
        for (int i = 0; i < in.length; i++) {
            in[i] = (i * 7 % 11) - 5;
        }
        float[] w = new float[4 * 3 * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i * 5 % 7) - 3;
        }
        Tensor input = new Tensor(2, 5, 6, in);
        Kernel kernel = new Kernel(4, 1, 3, 3, w, new float[] {1, -2, 3, 0.5f});
        ConvSpec spec = ConvSpec.DEFAULT.withPadding(org.convplay.engine.Padding.SAME).withStride(1, 2).withGroups(2)
                .withFlip(true).withBorder(Border.REFLECT);
        Tensor expected = new ReferenceEngine().convolve(input, kernel, spec);
        Tensor actual;
        try {
            actual = convolve(input, kernel, spec);
        } catch (RuntimeException | Error e) {
            for (CompiledPlan p : List.copyOf(plans.values())) {
                closeAfter(p, e);
            }
            plans.clear();
            planBytes = 0;
            throw e;
        }
        close();
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the TornadoVM kernel on " + device.getDeviceName()
                    + " does not give the reference's numbers on its self-test");
        }
    }
}

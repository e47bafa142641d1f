package org.convplay.convolve;

import org.convplay.shared.Limits;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.TooLargeException;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.EngineRegistry;
import org.convplay.engine.ShapeException;
import org.convplay.limits.ComputeGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Runs convolutions for the pages and the API: checks the request against {@link Limits}, picks an
 * engine and times it. Both callers go through here so they accept and refuse the same requests.
 *
 * <p>Every run is also recorded in the {@value #TIMER} timer, tagged with the engine and the kind of work
 * (single, layer, pipeline, images, benchmark), for {@code /actuator/prometheus}: the engine itself knows nothing
 * of Micrometer, so the services that call it time it.
 */
@Service
public class ConvolutionService {

    /** Time per engine and kind of work, in Prometheus {@code convplay_convolution_seconds}. */
    public static final String TIMER = "convplay.convolution";

    private final EngineRegistry engines;
    private final ComputeGate gate;
    private final MeterRegistry meters;

    /** With every engine this JVM can load (the same set the application uses), admitting every request. */
    public ConvolutionService() {
        this(EngineRegistry.shared(), ComputeGate.open());
    }

    /** Outside Spring (tests), with the given admission control. */
    public ConvolutionService(EngineRegistry engines, ComputeGate gate) {
        this(engines, gate, Metrics.globalRegistry);
    }

    @Autowired
    public ConvolutionService(EngineRegistry engines, ComputeGate gate, MeterRegistry meters) {
        this.engines = engines;
        this.gate = gate;
        this.meters = meters;
    }

    /** The admission control this service's callers share (pipelines and image bands admit through it too). */
    public ComputeGate gate() {
        return gate;
    }

    public List<String> engineNames() {
        return engines.names();
    }

    /** Recorded as "single" (one channel, one filter) or "layer" (several of either). */
    public ConvolutionResult convolve(ConvolutionRequest request) {
        return convolve(request, kind(request));
    }

    /**
     * Checks the request, waits for a place in the {@link ComputeGate} and convolves, recorded under {@code kind}.
     *
     * @throws org.convplay.limits.RefusedException when the server is busy
     */
    public ConvolutionResult convolve(ConvolutionRequest request, String kind) {
        Work work = checkLimits(request);
        try (ComputeGate.Ticket ignored = gate.admit(work.multiplyAdds(), work.bytes())) {
            return run(request, kind);
        }
    }

    /** As {@link #convolve(ConvolutionRequest)}, without admission: for callers that hold a place for all their work. */
    public ConvolutionResult compute(ConvolutionRequest request) {
        return compute(request, kind(request));
    }

    private static String kind(ConvolutionRequest request) {
        var k = request.kernel();
        return k.filters() == 1 && k.channelsPerGroup() == 1 ? "single" : "layer";
    }

    /** As {@link #convolve(ConvolutionRequest, String)}, without admission. */
    public ConvolutionResult compute(ConvolutionRequest request, String kind) {
        checkLimits(request);
        return run(request, kind);
    }

    /** Convolves a request whose limits were checked, on the engine it names or the one chosen for its size. */
    private ConvolutionResult run(ConvolutionRequest request, String kind) {
        // no backend named: the engine measured fastest here for this size
        ConvolutionEngine engine = request.backend() == null || request.backend().isBlank()
                ? engines.choose(request.input(), request.kernel(), request.spec()).engine()
                : engine(request.backend());
        long start = System.nanoTime();
        var output = engine.convolve(request.input(), request.kernel(), request.spec());
        long nanos = System.nanoTime() - start;
        record(kind, engine.name(), nanos);
        ConvGeometry.Plan plan = ConvGeometry.check(request.input(), request.kernel(), request.spec());
        return new ConvolutionResult(output, plan, engine.name(), nanos / 1e6);
    }

    /** Adds one run of {@code kind} on {@code engine} that took {@code nanos} to the {@value #TIMER} timer. */
    public void record(String kind, String engine, long nanos) {
        timer(meters, kind, engine).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The {@value #TIMER} timer for one kind of work on one engine. */
    public static Timer timer(MeterRegistry meters, String kind, String engine) {
        return Timer.builder(TIMER).description("Time spent convolving, per engine and kind of work")
                .tag("kind", kind).tag("engine", engine).register(meters);
    }

    /**
     * The engine called {@code name}, or the default when name is null or blank: the engine that computes every
     * request on any machine (requests of known size are sent to the fastest one measured, see {@link #convolve}).
     */
    public ConvolutionEngine engine(String name) {
        if (name == null || name.isBlank()) {
            return engines.defaultEngine();
        }
        if (!engines.has(name)) {
            throw new BadRequestException("backend '" + name + "' is not available here; available: "
                    + String.join(", ", engines.names()));
        }
        return engines.get(name);
    }

    /**
     * The engine called {@code name}, or when none is named the one measured fastest here for work of this many
     * multiply-adds (a pipeline's conv layers together), a layer or one plane.
     */
    public ConvolutionEngine engineFor(String name, long multiplyAdds, boolean layer) {
        return name == null || name.isBlank() ? engines.chooser().choose(multiplyAdds, layer).engine() : engine(name);
    }

    /**
     * What a computation costs: multiply-adds, and bytes of heap it holds while it runs (its input, kernel and
     * output as floats, doubled for the engines' own buffers and the copies around them).
     */
    public record Work(long multiplyAdds, long bytes) {
    }

    /** Refuses requests that are malformed or too large before any engine allocates for them; returns their cost. */
    public static Work checkLimits(ConvolutionRequest r) {
        var in = r.input();
        var k = r.kernel();
        if ((long) in.channels() * in.height() * in.width() > Limits.MAX_INPUT_VALUES) {
            throw new TooLargeException("input has " + (long) in.channels() * in.height() * in.width()
                    + " values; the limit is " + Limits.MAX_INPUT_VALUES);
        }
        if (k.weights().length > Limits.MAX_KERNEL_VALUES) {
            throw new TooLargeException("kernel has " + k.weights().length + " values; the limit is " + Limits.MAX_KERNEL_VALUES);
        }
        if (k.height() > Limits.MAX_KERNEL_SIDE || k.width() > Limits.MAX_KERNEL_SIDE) {
            throw new TooLargeException("kernel is " + k.height() + "x" + k.width() + "; each side is limited to " + Limits.MAX_KERNEL_SIDE);
        }
        var s = r.spec();
        if (s.strideY() > Limits.MAX_STEP || s.strideX() > Limits.MAX_STEP || s.dilationY() > Limits.MAX_STEP
                || s.dilationX() > Limits.MAX_STEP) {
            throw new BadRequestException("stride and dilation are limited to " + Limits.MAX_STEP);
        }
        var p = s.padding();
        if (Math.max(Math.max(p.top(), p.bottom()), Math.max(p.left(), p.right())) > Limits.MAX_PADDING) {
            throw new BadRequestException("padding is limited to " + Limits.MAX_PADDING + " cells on a side");
        }
        ConvGeometry.Plan plan;
        try {
            plan = ConvGeometry.check(in, k, s);
        } catch (ShapeException e) {
            throw BadRequestException.of(e);
        }
        long macs = (long) k.filters() * k.channelsPerGroup() * k.height() * k.width() * plan.outHeight() * plan.outWidth();
        if (macs > Limits.MAX_MULTIPLY_ADDS) {
            throw new TooLargeException("this convolution needs " + macs + " multiply-adds; the limit is " + Limits.MAX_MULTIPLY_ADDS);
        }
        long outValues = (long) k.filters() * plan.outHeight() * plan.outWidth();
        if (outValues > 4L * Limits.MAX_INPUT_VALUES) {
            throw new TooLargeException("the output would have " + outValues + " values; the limit is " + 4L * Limits.MAX_INPUT_VALUES);
        }
        long inValues = (long) in.channels() * in.height() * in.width();
        return new Work(macs, 8 * (inValues + k.weights().length + outValues));
    }
}

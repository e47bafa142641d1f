package org.convplay.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Picks the engine for a request that names none, from measurements on this machine rather than from a fixed
 * order: an accelerator pays only above some size, and on a CPU OpenCL driver (PoCL) not at all. The candidates
 * are timed once on a few representative requests ({@link #POINTS}); a request then goes to the engine that was
 * fastest at the calibrated point nearest to it in multiply-adds, among points of its kind (one plane, or a layer
 * of several channels or filters).
 *
 * <p>The fallback (the cpu engine: always there, computes every request the same way) keeps a request unless
 * another engine beat it there by {@link #MARGIN}: a near tie measured on a busy machine is noise, and a wrong
 * switch costs more than a missed one.
 */
public final class EngineChooser {

    /** How much faster than the fallback another engine must have been at a point to be chosen there. */
    public static final double MARGIN = 1.2;
    /** Timed runs per engine and point, after one untimed run (which compiles a device kernel, or warms the JIT). */
    static final int MIN_RUNS = 3;
    static final int MAX_RUNS = 20;
    /** The engines are run at a point until this much time per engine has gone by (or {@link #MAX_RUNS}): the JIT needs it. */
    static final long MIN_NANOS_PER_POINT = 100_000_000L;
    /** An engine whose timed run takes this long is not run again at that point. */
    static final long SLOW_RUN_NANOS = 1_000_000_000L;

    /** A representative request: {@code channels x size x size} input, {@code filters} of {@code kernel x kernel}, same padding. */
    public record Point(int channels, int size, int kernel, int filters) {

        public long multiplyAdds() {
            return (long) filters * channels * kernel * kernel * size * size;
        }

        /** A layer (several channels or filters) rather than one plane through one kernel. */
        public boolean layer() {
            return channels > 1 || filters > 1;
        }

        @Override
        public String toString() {
            return layer()
                    ? String.format(Locale.ROOT, "layer %d -> %d, %dx%d, %dx%d", channels, filters, size, size, kernel, kernel)
                    : String.format(Locale.ROOT, "plane %dx%d, %dx%d", size, size, kernel, kernel);
        }
    }

    /** The calibration: from small to large, a plane and a CNN layer; a few seconds at most on the 2-core machine. */
    public static final List<Point> POINTS = List.of(
            new Point(1, 128, 3, 1),
            new Point(1, 1024, 3, 1),
            new Point(1, 2048, 5, 1),
            new Point(16, 28, 3, 16),
            new Point(64, 56, 3, 64));

    /** One point's times (best run, milliseconds, by engine name) and the engine chosen there, with why. */
    public record Measurement(Point point, Map<String, Double> millis, String chosen, String why) {
    }

    /** The engine for a request and the reason, in words for the benchmark page. */
    public record Choice(ConvolutionEngine engine, String why) {
    }

    private final List<ConvolutionEngine> candidates;
    private final ConvolutionEngine fallback;
    private final List<Point> points;
    private final LongSupplier clock;
    private volatile List<Measurement> calibration;
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * @param candidates engines a request may be sent to, the fallback among them
     * @param clock      nanoseconds, {@link System#nanoTime} outside tests
     */
    public EngineChooser(List<ConvolutionEngine> candidates, ConvolutionEngine fallback, List<Point> points,
                         LongSupplier clock) {
        if (!candidates.contains(fallback)) {
            throw new IllegalArgumentException("the fallback '" + fallback.name() + "' must be a candidate");
        }
        this.candidates = List.copyOf(candidates);
        this.fallback = fallback;
        this.points = List.copyOf(points);
        this.clock = clock;
    }

    public EngineChooser(List<ConvolutionEngine> candidates, ConvolutionEngine fallback) {
        this(candidates, fallback, POINTS, System::nanoTime);
    }

    /** The engine kept unless another was clearly faster. */
    public ConvolutionEngine fallback() {
        return fallback;
    }

    public List<String> candidates() {
        return candidates.stream().map(ConvolutionEngine::name).toList();
    }

    /** The measurements, taken on the first call, which waits for them (nothing to measure with a single candidate). */
    public List<Measurement> calibration() {
        List<Measurement> result = calibration;
        if (result == null) {
            synchronized (this) {
                result = calibration;
                if (result == null) {
                    result = candidates.size() == 1 ? List.of() : measure();
                    calibration = result;
                }
            }
        }
        return result;
    }

    /**
     * Measures in a background thread (once), so that no request waits for it; {@link #choose} gives the fallback
     * until the measurements are in.
     */
    public void calibrateInBackground() {
        if (candidates.size() > 1 && calibration == null && started.compareAndSet(false, true)) {
            Thread thread = new Thread(this::calibration, "engine-calibration");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /**
     * The engine for a request of {@code multiplyAdds}, a layer or one plane. Before the measurements are in, the
     * fallback (and the measuring starts in the background if it had not).
     */
    public Choice choose(long multiplyAdds, boolean layer) {
        if (candidates.size() == 1) {
            return new Choice(fallback, fallback.name() + ": the only engine chosen automatically here");
        }
        List<Measurement> table = calibration;
        if (table == null) {
            calibrateInBackground();
            return new Choice(fallback, fallback.name() + ": the engines are still being measured");
        }
        Measurement nearest = null;
        double distance = Double.MAX_VALUE;
        for (Measurement m : table) {
            // another kind only when this kind was not calibrated at all
            double d = Math.abs(Math.log(Math.max(1, multiplyAdds)) - Math.log(m.point().multiplyAdds()))
                    + (m.point().layer() == layer ? 0 : 1e6);
            if (d < distance) {
                distance = d;
                nearest = m;
            }
        }
        if (nearest == null) {
            return new Choice(fallback, fallback.name() + ": no calibration");
        }
        return new Choice(byName(nearest.chosen()), nearest.chosen() + ": at the nearest calibrated size, "
                + nearest.point() + ", " + nearest.why());
    }

    private ConvolutionEngine byName(String name) {
        return candidates.stream().filter(e -> e.name().equals(name)).findFirst().orElse(fallback);
    }

    /**
     * Every point twice, the first pass thrown away: it compiles the device kernels and lets the JIT compile the
     * cpu engine's loops for every kind of request: measured cold, the cpu engine lost small layers to PoCL that it
     * wins once compiled (docs/performance.md, "EngineChooser").
     */
    private List<Measurement> measure() {
        measurePass();
        return measurePass();
    }

    private List<Measurement> measurePass() {
        List<Measurement> result = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        for (Point p : points) {
            Tensor input = new Tensor(p.channels(), p.size(), p.size(), uniform(random, p.channels() * p.size() * p.size()));
            Kernel kernel = new Kernel(p.filters(), p.channels(), p.kernel(), p.kernel(),
                    uniform(random, p.filters() * p.channels() * p.kernel() * p.kernel()), null);
            ConvSpec spec = ConvSpec.DEFAULT.withPadding(Padding.SAME);
            Tensor out = new Tensor(p.filters(), p.size(), p.size());
            Map<String, Double> millis = new LinkedHashMap<>();
            Map<String, String> failures = new LinkedHashMap<>();
            measurePoint(input, kernel, spec, out, millis, failures);
            result.add(decide(p, millis, failures));
        }
        return List.copyOf(result);
    }

    /** The fastest engine at one point, the fallback unless beaten by {@link #MARGIN}. */
    Measurement decide(Point p, Map<String, Double> millis, Map<String, String> failures) {
        String times = millis.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.3f ms", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        String failed = failures.entrySet().stream().map(e -> e.getKey() + " failed: " + e.getValue())
                .collect(Collectors.joining("; "));
        String measured = times + (failed.isEmpty() ? "" : "; " + failed);
        Double own = millis.get(fallback.name());
        String fastest = millis.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(fallback.name());
        String best;
        String why;
        if (fastest.equals(fallback.name())) {
            best = fastest;
            why = "fastest (" + measured + ")";
        } else if (own == null) {
            best = fastest;
            why = "fastest, the " + fallback.name() + " engine failed (" + measured + ")";
        } else if (millis.get(fastest) * MARGIN < own) {
            best = fastest;
            why = String.format(Locale.ROOT, "fastest, %.1fx the %s engine (%s)", own / millis.get(fastest),
                    fallback.name(), measured);
        } else {
            best = fallback.name();
            why = String.format(Locale.ROOT, "%s was faster by less than %.1fx, within the noise (%s)", fastest,
                    MARGIN, measured);
        }
        return new Measurement(p, millis, best, why);
    }

    /**
     * Each engine's best run at one point. First one untimed run each (it compiles a device kernel, or starts the
     * JIT), then rounds in which every engine runs once in turn, so that what happens on the machine meanwhile (a
     * CPU OpenCL driver's threads still spinning after its kernel, another program) falls on all of them alike; the
     * best run is kept. An engine whose run takes {@link #SLOW_RUN_NANOS} is not run again; one that throws is
     * reported as failed there.
     */
    private void measurePoint(Tensor input, Kernel kernel, ConvSpec spec, Tensor out, Map<String, Double> millis,
                              Map<String, String> failures) {
        Map<ConvolutionEngine, Long> best = new LinkedHashMap<>();
        for (ConvolutionEngine engine : candidates) {
            try {
                engine.convolve(input, kernel, spec, out);
                best.put(engine, Long.MAX_VALUE);
            } catch (RuntimeException e) {
                failures.put(engine.name(), EngineRegistry.reason(e));
            }
        }
        List<ConvolutionEngine> running = new ArrayList<>(best.keySet());
        long start = clock.getAsLong();
        for (int round = 0; round < MAX_RUNS && !running.isEmpty()
                && (round < MIN_RUNS || clock.getAsLong() - start < MIN_NANOS_PER_POINT * best.size()); round++) {
            for (ConvolutionEngine engine : List.copyOf(running)) {
                try {
                    long t0 = clock.getAsLong();
                    engine.convolve(input, kernel, spec, out);
                    long took = clock.getAsLong() - t0;
                    best.merge(engine, took, Math::min);
                    if (took >= SLOW_RUN_NANOS) {
                        running.remove(engine);
                    }
                } catch (RuntimeException e) {
                    failures.put(engine.name(), EngineRegistry.reason(e));
                    best.remove(engine);
                    running.remove(engine);
                }
            }
        }
        best.forEach((engine, nanos) -> millis.put(engine.name(), nanos / 1e6));
    }

    private static float[] uniform(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }
}

package org.convplay.engine.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.EngineRegistry;
import org.convplay.engine.Kernel;
import org.convplay.engine.NativeLibraryEngine;
import org.convplay.engine.Padding;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.Tensor;

/**
 * Times every available engine on the same seeded data, in one run, for the benchmark page and
 * {@code POST /api/benchmark}. The convolution is a CNN layer: {@code c x n x n} input, {@code f x c x k x k}
 * kernel with bias, {@code same} padding with zeros, stride 1 (OpenCV's {@code filter2D} for one channel and
 * one filter, its {@code dnn} layer otherwise).
 *
 * <p>Protocol, per engine: untimed warm-up runs (at least {@link #WARMUP_RUNS}, and on until
 * {@link #WARMUP_MILLIS} have passed, so the JIT has compiled the hot loops), then {@code repeats} timed runs;
 * the median is reported. GFLOP/s counts {@code 2*F*C*k*k*H'*W'} operations per run. Every run writes into one
 * output tensor allocated beforehand ({@link ConvolutionEngine#convolve(Tensor, Kernel, ConvSpec, Tensor)}), as a
 * program that convolves again and again would, and as OpenCV reuses its own result buffers: timed this way, the
 * engines are compared on the convolution, not on how fast the JVM hands out and zeroes a fresh output.
 *
 * <p>The reference engine is the truth for {@code maxAbsError} but is slow (scalar, double precision):
 * <ul>
 *   <li>up to {@link #REFERENCE_FULL_FLOPS} per run it computes the whole output once and every engine's error
 *   is over every output value; it is also timed, with at most {@link #REFERENCE_MAX_RUNS} runs;</li>
 *   <li>above that it is not run as an engine (its row says so) and the error is measured on a fixed sample of
 *   {@link #SAMPLE_POINTS} output values plus every filter's four corners, each computed with
 *   {@link ReferenceEngine#valueAt}.</li>
 * </ul>
 */
public final class BenchmarkRunner {

    // Limits: keep one request under about a minute on a 2-core machine and under 200 MB of data.
    public static final int MAX_SIZE = 4096;
    public static final int MAX_KERNEL = 31;
    public static final int MAX_CHANNELS = 512;
    public static final int MAX_FILTERS = 512;
    public static final int MAX_REPEATS = 100;
    /** Values in the input or the output (each float 4 bytes): 16 M, 64 MB. */
    public static final long MAX_VALUES = 16L << 20;
    /** Work per run: a second or so for the fast engines on the development machine (docs/performance.md). */
    public static final double MAX_FLOPS = 2e10;
    /** Largest run the reference engine computes whole: a few seconds at its speed (docs/performance.md). */
    public static final double REFERENCE_FULL_FLOPS = 5e8;
    public static final int REFERENCE_MAX_RUNS = 3;
    public static final int SAMPLE_POINTS = 4096;
    public static final int WARMUP_RUNS = 2;
    public static final long WARMUP_MILLIS = 1000;
    public static final long SEED = 42L;

    /** What to measure: {@code size x size} input with {@code channels}, {@code filters} of {@code kernel x kernel}. */
    public record Request(int size, int kernel, int channels, int filters, int repeats) {

        /** @throws IllegalArgumentException naming the value and its limit */
        public Request {
            range("size", size, 1, MAX_SIZE);
            range("kernel", kernel, 1, MAX_KERNEL);
            range("channels", channels, 1, MAX_CHANNELS);
            range("filters", filters, 1, MAX_FILTERS);
            range("repeats", repeats, 1, MAX_REPEATS);
            long plane = (long) size * size;
            if (plane * channels > MAX_VALUES || plane * filters > MAX_VALUES) {
                throw new IllegalArgumentException("size " + size + " with " + Math.max(channels, filters)
                        + " channels/filters is " + plane * Math.max(channels, filters) + " values; at most "
                        + MAX_VALUES + " (size * size * max(channels, filters)) are allowed");
            }
            if (flops(size, kernel, channels, filters) > MAX_FLOPS) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "one run would take %.1f GFLOP (2 * filters * channels * kernel^2 * size^2); at most %.0f"
                                + " are allowed: use a smaller size, kernel, or fewer channels/filters",
                        flops(size, kernel, channels, filters) / 1e9, MAX_FLOPS / 1e9));
            }
        }

        private static void range(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
            }
        }

        /** Floating-point operations of one run, {@code same} padding so the output is {@code size x size}. */
        public double flops() {
            return flops(size, kernel, channels, filters);
        }

        static double flops(int size, int kernel, int channels, int filters) {
            return 2.0 * filters * channels * kernel * kernel * size * size;
        }
    }

    /**
     * One engine's result. {@code medianMillis} and {@code gflops} are null when the engine was not timed,
     * {@code maxAbsError} when it failed; {@code note} says why, or how the error was measured.
     */
    public record Row(String backend, Double medianMillis, Double gflops, Double maxAbsError, int runs, String note) {
    }

    /** Where the numbers were measured. {@code notes}: engines found, engines absent and why, OpenCV details. */
    public record Machine(int cores, String cpu, String jvm, String os, long maxHeapMb, List<String> notes) {
    }

    public record Report(Request request, List<Row> results, Machine machine) {
    }

    private final EngineRegistry registry;

    public BenchmarkRunner(EngineRegistry registry) {
        this.registry = registry;
    }

    public Report run(Request request) {
        return run(request, fraction -> { }, () -> false);
    }

    /**
     * Runs the benchmark. {@code progress} receives the fraction done (0 to 1) after every run;
     * {@code cancelled} is polled between runs, as is the thread's interrupt flag.
     *
     * @throws CancellationException when cancelled or interrupted; nothing partial is returned
     */
    public Report run(Request request, DoubleConsumer progress, BooleanSupplier cancelled) {
        SplittableRandom random = new SplittableRandom(SEED);
        Tensor input = new Tensor(request.channels(), request.size(), request.size(),
                uniform(random, request.channels() * request.size() * request.size()));
        float[] weights = uniform(random, request.filters() * request.channels() * request.kernel() * request.kernel());
        // scaled as Glorot would, so outputs stay near 1 whatever the layer size
        float scale = (float) Math.sqrt(3.0 / (request.channels() * request.kernel() * request.kernel()));
        for (int i = 0; i < weights.length; i++) {
            weights[i] *= scale;
        }
        Kernel kernel = new Kernel(request.filters(), request.channels(), request.kernel(), request.kernel(),
                weights, uniform(random, request.filters()));
        ConvSpec spec = ConvSpec.DEFAULT.withPadding(Padding.SAME);
        ConvGeometry.Plan plan = ConvGeometry.check(input, kernel, spec);
        Tensor out = new Tensor(request.filters(), plan.outHeight(), plan.outWidth());

        List<ConvolutionEngine> engines = registry.engines();
        boolean referenceWhole = request.flops() <= REFERENCE_FULL_FLOPS;
        int totalRuns = 0;
        for (ConvolutionEngine e : engines) {
            totalRuns += runsFor(e, request, referenceWhole) + WARMUP_RUNS;
            if (e instanceof NativeLibraryEngine) {
                totalRuns += LibraryRows.runs(request);
            }
        }
        RunCounter counter = new RunCounter(totalRuns, progress, cancelled);

        Truth truth = referenceWhole
                ? Truth.whole(new ReferenceEngine().convolve(input, kernel, spec))
                : Truth.sampled(input, kernel, spec, plan);
        // warm-up (and the error check) engine by engine, then the timed runs round-robin, so that a change in
        // the machine's load during the benchmark hits every engine alike
        int n = engines.size();
        String[] failed = new String[n];
        double[] errors = new double[n];
        double[][] millis = new double[n][];
        for (int e = 0; e < n; e++) {
            ConvolutionEngine engine = engines.get(e);
            millis[e] = new double[runsFor(engine, request, referenceWhole)];
            if (millis[e].length == 0) {
                counter.advance(WARMUP_RUNS);
                continue;
            }
            try {
                // NaN first: an engine that left a value unwritten then fails the error check instead of showing a
                // stale value
                Arrays.fill(out.data(), Float.NaN);
                warmUp(() -> engine.convolve(input, kernel, spec, out), counter);
                errors[e] = truth.maxAbsError(out);
                if (!Double.isFinite(errors[e])) {
                    failed[e] = "failed: its output holds values that are not finite (or were never written)";
                    counter.advance(millis[e].length);
                }
            } catch (CancellationException x) {
                throw x;
            } catch (RuntimeException x) {
                failed[e] = "failed: " + x.getClass().getSimpleName() + ": " + x.getMessage();
                counter.advance(millis[e].length);
            }
        }
        for (int round = 0; round < request.repeats(); round++) {
            for (int e = 0; e < n; e++) {
                if (failed[e] != null || round >= millis[e].length) {
                    continue;
                }
                counter.check();
                long start = System.nanoTime();
                engines.get(e).convolve(input, kernel, spec, out);
                millis[e][round] = (System.nanoTime() - start) / 1e6;
                counter.advance(1);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            String name = engines.get(e).name();
            if (failed[e] != null) {
                rows.add(new Row(name, null, null, null, 0, failed[e]));
            } else if (millis[e].length == 0) {
                rows.add(new Row(name, null, null, null, 0, String.format(Locale.ROOT,
                        "not timed above %.1f GFLOP per run; used for spot checks only", REFERENCE_FULL_FLOPS / 1e9)));
            } else {
                double median = median(millis[e]);
                rows.add(new Row(name, median, request.flops() / (median * 1e6), errors[e], millis[e].length, truth.note()));
            }
        }
        for (int e = 0; e < n; e++) {
            if (engines.get(e) instanceof NativeLibraryEngine library) {
                if (failed[e] == null) {
                    rows.addAll(LibraryRows.of(library, input, kernel, spec, out, truth, request, counter));
                } else {
                    counter.advance(LibraryRows.runs(request));
                }
            }
        }
        progress.accept(1.0);
        Machine machine = describeMachine();
        List<String> notes = new ArrayList<>(machine.notes());
        notes.add("without a backend, this request goes to "
                + registry.choose(input, kernel, spec).why());
        return new Report(request, rows, new Machine(machine.cores(), machine.cpu(), machine.jvm(), machine.os(),
                machine.maxHeapMb(), List.copyOf(notes)));
    }

    private static int runsFor(ConvolutionEngine engine, Request request, boolean referenceWhole) {
        if (engine.name().equals(ReferenceEngine.NAME)) {
            return referenceWhole ? Math.min(request.repeats(), REFERENCE_MAX_RUNS) : 0;
        }
        return request.repeats();
    }

    /**
     * At least {@link #WARMUP_RUNS} runs, and more until {@link #WARMUP_MILLIS} have passed so that the JIT has
     * compiled the hot loops; an engine not timed (the reference on big inputs) is not warmed up either.
     */
    static void warmUp(Runnable run, RunCounter counter) {
        long start = System.nanoTime();
        for (int i = 0; i < WARMUP_RUNS || elapsedMillis(start) < WARMUP_MILLIS && i < 100; i++) {
            counter.check();
            run.run();
            if (i < WARMUP_RUNS) {
                counter.advance(1);
            }
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static float[] uniform(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    /** Cores, CPU model, JVM, OS, and the engines found or missing here. */
    public Machine describeMachine() {
        return MachineNotes.describe(registry);
    }

    /**
     * Command line: {@code size kernel channels filters repeats}, several requests separated by {@code /},
     * all printed as a table. Used for the figures in the README.
     */
    public static void main(String[] args) {
        BenchmarkRunner runner = new BenchmarkRunner(EngineRegistry.shared());
        System.out.println(runner.describeMachine());
        List<String> words = new ArrayList<>(Arrays.asList(String.join(" ", args).split("\\s+")));
        words.removeIf(String::isBlank);
        for (String part : String.join(" ", words).split("/")) {
            int[] v = Arrays.stream(part.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
            Request request = new Request(v[0], v[1], v[2], v[3], v[4]);
            Report report = runner.run(request);
            System.out.printf(Locale.ROOT, "%n%s%n%-10s %12s %10s %12s  %s%n", request, "backend", "median ms",
                    "GFLOP/s", "max |error|", "note");
            for (Row r : report.results()) {
                System.out.printf(Locale.ROOT, "%-10s %12s %10s %12s  %s%n", r.backend(), fmt(r.medianMillis(), "%.3f"),
                        fmt(r.gflops(), "%.2f"), fmt(r.maxAbsError(), "%.2e"), r.note());
            }
        }
    }

    private static String fmt(Double value, String format) {
        return value == null ? "-" : String.format(Locale.ROOT, format, value);
    }
}

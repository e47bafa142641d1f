package org.convplay.benchmark;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.convplay.shared.BadRequestException;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.convplay.limits.ComputeGate;
import org.convplay.limits.RefusedException;
import org.convplay.limits.Refusals;
import org.springframework.stereotype.Service;

/**
 * Runs benchmarks for the page and {@code POST /api/benchmark}, one at a time on a thread of its own: a benchmark
 * takes every core, so two at once would measure each other instead of the engines. It also holds a big-lane
 * place of the compute gate while it runs.
 */
@Service
public class BenchmarkService {

    private final BenchmarkRunner runner;
    private final ComputeGate gate;
    private final Refusals refusals;
    private final MeterRegistry meters;
    /** Per instance: behind a proxy, each server runs its own benchmark at a time (README "Run it for a class"). */
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "benchmark");
        t.setDaemon(true);
        return t;
    });
    /** The running benchmark's start and progress, for the retry estimate of a refused one. */
    private volatile long startNanos;
    private volatile double fraction;

    public BenchmarkService(BenchmarkRunner runner, ComputeGate gate, Refusals refusals, MeterRegistry meters) {
        this.runner = runner;
        this.gate = gate;
        this.refusals = refusals;
        this.meters = meters;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    public BenchmarkRunner.Request request(int size, int kernel, int channels, int filters, int repeats) {
        try {
            return new BenchmarkRunner.Request(size, kernel, channels, filters, repeats);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * Starts the benchmark. {@code cancelled} is polled between runs; the future then completes with a
     * {@link java.util.concurrent.CancellationException}.
     *
     * @throws RefusedException at once (busy) when another benchmark runs or the gate has no place
     */
    public CompletableFuture<BenchmarkRunner.Report> start(BenchmarkRunner.Request request, DoubleConsumer progress,
                                                           BooleanSupplier cancelled) {
        if (!running.compareAndSet(false, true)) {
            long after = retryAfterSeconds();
            throw refusals.refuse(RefusedException.Reason.BUSY, after,
                    "another benchmark is running on this server; try again in " + after + " s");
        }
        ComputeGate.Ticket ticket;
        try {
            long values = (long) request.size() * request.size() * (request.channels() + 2L * request.filters());
            ticket = gate.admitDetached((long) (request.flops() / 2), 4 * values);
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
        startNanos = System.nanoTime();
        fraction = 0;
        return CompletableFuture.supplyAsync(() -> {
            try {
                BenchmarkRunner.Report report = runner.run(request, f -> {
                    fraction = f;
                    progress.accept(f);
                }, cancelled);
                record(report);
                return report;
            } finally {
                ticket.close();
                running.set(false);
            }
        }, worker);
    }

    /** Each engine's timed runs, at their median, as the "benchmark" kind of the convolution timer. */
    private void record(BenchmarkRunner.Report report) {
        for (BenchmarkRunner.Row row : report.results()) {
            if (row.medianMillis() != null) {
                var timer = ConvolutionService.timer(meters, "benchmark", row.backend());
                for (int i = 0; i < row.runs(); i++) {
                    timer.record(Math.round(row.medianMillis() * 1e6), TimeUnit.NANOSECONDS);
                }
            }
        }
    }

    /** Whether a benchmark is running now. */
    public boolean isRunning() {
        return running.get();
    }

    /** What is left of the running benchmark, from its progress so far (1 to 120 s). */
    private long retryAfterSeconds() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double f = fraction;
        double left = f > 0.01 ? elapsed * (1 - f) / f : 30;
        return Math.max(1, Math.min(120, (long) Math.ceil(left)));
    }

    public BenchmarkRunner.Machine machine() {
        return runner.describeMachine();
    }
}

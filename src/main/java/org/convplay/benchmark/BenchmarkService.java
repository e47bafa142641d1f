package org.convplay.benchmark;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.convplay.api.BadRequestException;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.springframework.stereotype.Service;

/**
 * Runs benchmarks for the page and {@code POST /api/benchmark}, one at a time: a benchmark takes every
 * core, so two at once would measure each other instead of the engines.
 */
@Service
public class BenchmarkService {

    private final BenchmarkRunner runner;
    private final MeterRegistry meters;
    /** Per instance: behind a proxy, each server runs its own benchmark at a time (README "Run it for a class"). */
    private final ReentrantLock running = new ReentrantLock();

    public BenchmarkService(BenchmarkRunner runner, MeterRegistry meters) {
        this.runner = runner;
        this.meters = meters;
    }

    /** Another benchmark is running (HTTP 503). */
    public static class BusyException extends RuntimeException {
        public BusyException() {
            super("another benchmark is running on this server; try again when it has finished");
        }
    }

    public BenchmarkRunner.Request request(int size, int kernel, int channels, int filters, int repeats) {
        try {
            return new BenchmarkRunner.Request(size, kernel, channels, filters, repeats);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** @throws BusyException when another benchmark holds the machine; CancellationException when cancelled */
    public BenchmarkRunner.Report run(BenchmarkRunner.Request request, DoubleConsumer progress, BooleanSupplier cancelled) {
        if (!running.tryLock()) {
            throw new BusyException();
        }
        try {
            BenchmarkRunner.Report report = runner.run(request, progress, cancelled);
            // each engine's timed runs, at their median, as the "benchmark" kind of the convolution timer
            for (BenchmarkRunner.Row row : report.results()) {
                if (row.medianMillis() != null) {
                    var timer = ConvolutionService.timer(meters, "benchmark", row.backend());
                    for (int i = 0; i < row.runs(); i++) {
                        timer.record(Math.round(row.medianMillis() * 1e6), TimeUnit.NANOSECONDS);
                    }
                }
            }
            return report;
        } finally {
            running.unlock();
        }
    }

    public BenchmarkRunner.Machine machine() {
        return runner.describeMachine();
    }

    /** For callers that only want the figures. */
    public BenchmarkRunner.Report run(BenchmarkRunner.Request request) {
        return run(request, f -> { }, () -> Thread.currentThread().isInterrupted());
    }

}

package org.convplay.benchmark;

import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.convplay.api.BadRequestException;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.springframework.stereotype.Service;

/**
 * Runs benchmarks for the page and {@code POST /api/benchmark}, one at a time: a benchmark takes every
 * core, so two at once would measure each other instead of the engines.
 */
@Service
public class BenchmarkService {

    private final BenchmarkRunner runner;
    private final ReentrantLock running = new ReentrantLock();

    public BenchmarkService(BenchmarkRunner runner) {
        this.runner = runner;
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
            return runner.run(request, progress, cancelled);
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

package org.convplay.engine.benchmark;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/** Counts runs for the progress callback and turns cancellation into an exception. */
final class RunCounter {
    private final int total;
    private final DoubleConsumer progress;
    private final BooleanSupplier cancelled;
    private int done;

    RunCounter(int total, DoubleConsumer progress, BooleanSupplier cancelled) {
        this.total = Math.max(1, total);
        this.progress = progress;
        this.cancelled = cancelled;
    }

    void check() {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("benchmark cancelled after " + done + " of " + total + " runs");
        }
    }

    void advance(int runs) {
        done += runs;
        progress.accept(Math.min(1.0, (double) done / total));
    }
}

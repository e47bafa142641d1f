package org.convplay.image;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.convplay.engine.Tensor;

/**
 * One running image convolution, split into stripes of output rows: the page reads {@link #progress()}
 * while it runs, may {@link #cancel()} it, and gets the bands (F x H' x W') from {@link #result()}.
 */
public final class BandJob {

    private final int stripes;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<Tensor> result = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();
    private volatile double millis;

    BandJob(int stripes) {
        this.stripes = stripes;
    }

    /** Completes with the bands, or exceptionally: {@link CancellationException} when cancelled. */
    public CompletableFuture<Tensor> result() {
        return result;
    }

    /** Share of the stripes finished, 0 to 1. */
    public double progress() {
        return (double) done.get() / stripes;
    }

    public int stripes() {
        return stripes;
    }

    /** Stops the stripes not yet started; the result completes as cancelled at once. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            result.completeExceptionally(new CancellationException("cancelled"));
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Wall-clock time from start to the last stripe, once done. */
    public double millis() {
        return millis;
    }

    /** Called by each stripe when it is done; the last one completes the result. */
    void stripeDone(Tensor output) {
        if (done.incrementAndGet() == stripes) {
            millis = (System.nanoTime() - startNanos) / 1e6;
            result.complete(output);
        }
    }

    void fail(Throwable t) {
        result.completeExceptionally(t);
    }
}

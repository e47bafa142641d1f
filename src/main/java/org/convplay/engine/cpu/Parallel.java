package org.convplay.engine.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs {@code body(0 .. n-1)} on the calling thread plus the common ForkJoinPool's workers, which claim contiguous
 * slices of the indices from a shared counter until none are left.
 *
 * <p>Why this shape:
 * <ul>
 *   <li><b>The caller always works.</b> With {@code ForkJoinPool.commonPool().invoke(task)} from an ordinary thread,
 *   the caller only waits whenever a worker takes the root task first, and on a 2-core machine the common pool has
 *   one worker: measured, a whole convolution then often ran on one thread.</li>
 *   <li><b>One wake-up per helper, not per task.</b> Each forked task costs a thread wake-up (a measurable share of a
 *   64-channel layer's time with a parallel stream's fine split: docs/performance.md, "Parallel"), so only one helper
 *   per pool worker is forked.</li>
 *   <li><b>Slices claimed as threads come free</b>, {@link #SLICES_PER_THREAD} per thread, so a core that another
 *   process slows down simply claims fewer of them.</li>
 * </ul>
 */
final class Parallel {

    /**
     * Slices per thread. Claiming a slice costs one atomic increment, not a wake-up, so slices can be fine: a thread
     * that another process preempts then holds up the join by one small slice only. 8 measured a little faster than 2
     * (docs/performance.md, "Parallel").
     */
    static final int SLICES_PER_THREAD = 8;

    private Parallel() {
    }

    static void forEach(int n, IntConsumer body) {
        int helpers = Math.min(n - 1, ForkJoinPool.getCommonPoolParallelism());
        if (helpers <= 0) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        int slices = (int) Math.min(n, (long) SLICES_PER_THREAD * (helpers + 1));
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int s = next.getAndIncrement(); s < slices; s = next.getAndIncrement()) {
                int end = (int) ((long) n * (s + 1) / slices);
                for (int i = (int) ((long) n * s / slices); i < end; i++) {
                    body.accept(i);
                }
            }
        };
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[helpers];
        for (int h = 0; h < helpers; h++) {
            tasks[h] = ForkJoinTask.adapt(work).fork();
        }
        try {
            work.run();
        } finally {
            // a helper that never started runs here and finds nothing left; on failure the others stop early
            next.set(slices);
            for (ForkJoinTask<?> task : tasks) {
                task.join();
            }
        }
    }
}

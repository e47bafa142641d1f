package org.convplay.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs {@code body(0 .. n-1)} on the common ForkJoinPool in a few contiguous slices: two per core, so a core
 * that another process slows down hands work to the others, but no more, because every forked task costs a
 * thread wake-up (measured at about a tenth of a 64-channel layer's time with a parallel stream's fine split).
 */
final class Parallel {

    private Parallel() {
    }

    static void forEach(int n, IntConsumer body) {
        int slices = Math.min(n, 2 * ForkJoinPool.getCommonPoolParallelism() + 2);
        if (slices <= 1) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        ForkJoinPool.commonPool().invoke(new Slices(body, n, slices, 0, slices));
    }

    /** Splits the slice range in halves until one slice is left, then runs that slice's indices. */
    private static final class Slices extends RecursiveAction {
        private final IntConsumer body;
        private final int n;
        private final int slices;
        private final int from;
        private final int to;

        Slices(IntConsumer body, int n, int slices, int from, int to) {
            this.body = body;
            this.n = n;
            this.slices = slices;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from > 1) {
                int mid = (from + to) >>> 1;
                ForkJoinTask.invokeAll(new Slices(body, n, slices, from, mid), new Slices(body, n, slices, mid, to));
                return;
            }
            int start = (int) ((long) n * from / slices);
            int end = (int) ((long) n * to / slices);
            for (int i = start; i < end; i++) {
                body.accept(i);
            }
        }
    }
}

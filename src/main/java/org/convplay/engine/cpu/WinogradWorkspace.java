package org.convplay.engine.cpu;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link WinogradF23}'s arrays: those of the transformed input {@code v[xi][c]} and of the products {@code m[xi][f]},
 * each {@code tiles} long (rounded up to whole register blocks where {@link WinogradVectorSum} runs), kept from call to
 * call: allocating them afresh made the allocator zero that much on every run, and the input transform measured
 * slower. They form one pool: a products task takes arrays for its results and gives back its group's
 * {@code v[xi]} when done (nothing else reads it), so the products land in arrays just read, still in cache, and a call
 * holds 16 x channels arrays plus those of the tasks in flight instead of 16 x (channels + filters): 3.5 MiB instead of
 * 6 MiB for 64 to 64 channels at 56x56, and a faster layer (docs/performance.md, "WinogradF23").
 *
 * <p>One workspace is kept for the whole JVM, not one per thread (a server's many request threads would each hold
 * one): a call takes it when it fits and nobody holds it, and otherwise starts an empty one, which it leaves behind
 * for the next call when done. Workspaces above {@link #KEEP} floats are never kept.
 */
final class WinogradWorkspace {

    /** Largest workspace kept, in floats (16 MiB). */
    static final long KEEP = 4L << 20;
    private static final AtomicReference<WinogradWorkspace> KEPT = new AtomicReference<>();

    /** Length of every array: the tiles, rounded up to whole register blocks where those run. */
    final int length;
    /** Arrays free for the taking; the last given is the first taken again, as it is the likeliest in cache. */
    private final ArrayDeque<float[]> free = new ArrayDeque<>();

    private WinogradWorkspace(int length) {
        this.length = length;
    }

    static WinogradWorkspace acquire(int length) {
        WinogradWorkspace s = KEPT.getAndSet(null);
        if (s != null && s.length == length) {
            return s;
        }
        if (s != null) {
            KEPT.compareAndSet(null, s);
        }
        return new WinogradWorkspace(length);
    }

    /** n arrays, free ones first, new ones when none are left; their contents are whatever was left in them. */
    synchronized float[][] take(int n) {
        float[][] arrays = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] a = free.pollLast();
            arrays[i] = a != null ? a : new float[length];
        }
        return arrays;
    }

    synchronized void give(float[][] arrays) {
        for (float[] a : arrays) {
            free.addLast(a);
        }
    }

    void release() {
        if ((long) free.size() * length <= KEEP) {
            KEPT.set(this);
        }
    }
}

package org.convplay.limits;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.convplay.shared.TooLargeException;
import org.springframework.stereotype.Component;

/**
 * Admission control for everything that computes (convolutions, pipelines, image bands, benchmarks, large API
 * bodies). Two lanes, so that the playground's small matrices never queue behind a large image: each lane lets
 * a few computations run at once ({@link LimitsProperties}) and a bounded number wait (each at most
 * {@code max-wait-millis}); past that the answer is an immediate 503 with a retry estimate. The work's estimated
 * memory is reserved against a share of the heap, so many large requests together cannot exhaust it.
 *
 * <p>A place is held by a {@link Ticket}; a thread that already holds one (a large API body, held while it is
 * parsed) is not counted twice when the service it calls admits the computation itself.
 */
@Component
public class ComputeGate {

    public enum Lane { SMALL, BIG }

    private static final ThreadLocal<Ticket> HELD = new ThreadLocal<>();

    private final LimitsProperties limits;
    private final Refusals refusals;
    private final LaneState small;
    private final LaneState big;
    private final long heapBudget;
    private final AtomicLong reserved = new AtomicLong();

    public ComputeGate(LimitsProperties limits, Refusals refusals, MeterRegistry registry) {
        this.limits = limits;
        this.refusals = refusals;
        this.small = new LaneState(Lane.SMALL, limits.smallLaneThreads(), limits.getSmallQueue());
        this.big = new LaneState(Lane.BIG, limits.bigLaneThreads(), limits.getBigQueue());
        this.heapBudget = (long) (Runtime.getRuntime().maxMemory() * limits.getHeapShare());
        for (LaneState lane : new LaneState[] {small, big}) {
            String tag = lane.lane.name().toLowerCase();
            Gauge.builder("convplay.compute.active", lane, LaneState::active).tag("lane", tag)
                    .description("Computations running").register(registry);
            Gauge.builder("convplay.compute.waiting", lane.waiting, AtomicInteger::get).tag("lane", tag)
                    .description("Computations waiting for a place").register(registry);
        }
    }

    /** A gate that admits everything (tests and tools that build services without Spring). */
    public static ComputeGate open() {
        LimitsProperties unlimited = new LimitsProperties();
        unlimited.setSmallThreads(Integer.MAX_VALUE / 2);
        unlimited.setBigThreads(Integer.MAX_VALUE / 2);
        unlimited.setHeapShare(1.0);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return new ComputeGate(unlimited, new Refusals(registry), registry);
    }

    /** The lane that work of this many multiply-adds runs in. */
    public Lane laneFor(long multiplyAdds) {
        return multiplyAdds <= limits.getSmallWorkMultiplyAdds() ? Lane.SMALL : Lane.BIG;
    }

    /**
     * A place for work of {@code multiplyAdds} that holds about {@code bytes} of heap while it runs, for the calling
     * thread; close it when done (try-with-resources).
     *
     * @throws RefusedException (busy) when the lane and its queue are full, or the heap share is taken
     * @throws TooLargeException when the work alone needs more than the heap share
     */
    public Ticket admit(long multiplyAdds, long bytes) {
        return admit(laneFor(multiplyAdds), bytes, true);
    }

    /** As {@link #admit(long, long)}, for work that runs on other threads and ends later (close it from there). */
    public Ticket admitDetached(long multiplyAdds, long bytes) {
        return admit(laneFor(multiplyAdds), bytes, false);
    }

    /**
     * Heap per byte of a JSON body while it is parsed: a number of two or three characters becomes a tree node and
     * a list slot of about 30 bytes, before the arrays made from them.
     */
    static final int PARSE_BYTES_PER_BODY_BYTE = 16;

    /** A big-lane place for reading and parsing a large body ({@code length} bytes, -1 unknown), held by the calling thread. */
    Ticket admitBigBody(long length) {
        return admit(Lane.BIG, Math.max(0, length) * PARSE_BYTES_PER_BODY_BYTE, true);
    }

    private Ticket admit(Lane lane, long bytes, boolean bound) {
        Ticket held = bound ? HELD.get() : null;
        boolean covered = held != null && (held.lane == Lane.BIG || lane == Lane.SMALL);
        reserve(bytes);
        LaneState state = lane == Lane.SMALL ? small : big;
        if (!covered) {
            try {
                state.acquire();
            } catch (RuntimeException e) {
                reserved.addAndGet(-bytes);
                throw e;
            }
        }
        Ticket t = new Ticket(covered ? held.lane : lane, covered ? null : state, bytes, bound ? held : null, bound);
        if (bound) {
            HELD.set(t);
        }
        return t;
    }

    private void reserve(long bytes) {
        if (bytes > heapBudget) {
            throw new TooLargeException("this work needs about " + (bytes >> 20) + " MB of memory; this server allows "
                    + (heapBudget >> 20) + " MB for computations");
        }
        while (true) {
            long now = reserved.get();
            if (now + bytes > heapBudget) {
                throw refusals.refuse(RefusedException.Reason.BUSY, big.retryAfterSeconds(),
                        "the server is busy (computations in progress hold its memory); try again in "
                                + big.retryAfterSeconds() + " s");
            }
            if (reserved.compareAndSet(now, now + bytes)) {
                return;
            }
        }
    }

    /** Computations running in the lane now. */
    public int active(Lane lane) {
        return (int) (lane == Lane.SMALL ? small : big).active();
    }

    /** Computations waiting for a place in the lane now. */
    public int waiting(Lane lane) {
        return (lane == Lane.SMALL ? small : big).waiting.get();
    }

    /** Bytes that running computations may reserve together. */
    public long heapBudget() {
        return heapBudget;
    }

    /** Bytes reserved by running computations. */
    public long reservedBytes() {
        return reserved.get();
    }

    /** A held place; closing it frees the place and the memory. Idempotent. */
    public final class Ticket implements AutoCloseable {
        private final Lane lane;
        private final LaneState state;
        private final long bytes;
        private final Ticket previous;
        private final boolean bound;
        private final long start = System.nanoTime();
        private boolean closed;

        private Ticket(Lane lane, LaneState state, long bytes, Ticket previous, boolean bound) {
            this.lane = lane;
            this.state = state;
            this.bytes = bytes;
            this.previous = previous;
            this.bound = bound;
        }

        public Lane lane() {
            return lane;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            reserved.addAndGet(-bytes);
            if (state != null) {
                state.release(System.nanoTime() - start);
            }
            if (bound) {
                if (previous == null) {
                    HELD.remove();
                } else {
                    HELD.set(previous);
                }
            }
        }
    }

    /** One lane: permits for running, a counter of waiters, and how long a place has been held lately. */
    private final class LaneState {
        final Lane lane;
        final int threads;
        final int queue;
        final Semaphore permits;
        final AtomicInteger waiting = new AtomicInteger();
        /** Moving average of how long a place is held, for the retry estimate. */
        volatile double averageMillis = 100;

        LaneState(Lane lane, int threads, int queue) {
            this.lane = lane;
            this.threads = threads;
            this.queue = queue;
            this.permits = new Semaphore(threads, true);
        }

        double active() {
            return threads - permits.availablePermits();
        }

        void acquire() {
            if (permits.tryAcquire()) {
                return;
            }
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                throw busy();
            }
            boolean got;
            try {
                got = permits.tryAcquire(limits.getMaxWaitMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                got = false;
            } finally {
                waiting.decrementAndGet();
            }
            if (!got) {
                throw busy();
            }
        }

        void release(long heldNanos) {
            permits.release();
            averageMillis = 0.8 * averageMillis + 0.2 * heldNanos / 1e6;
        }

        /** Time for the waiting and running work to drain, in whole seconds (1 to 60). */
        long retryAfterSeconds() {
            double seconds = (waiting.get() + active() + 1) * averageMillis / threads / 1000;
            return Math.max(1, Math.min(60, (long) Math.ceil(seconds)));
        }

        private RefusedException busy() {
            long after = retryAfterSeconds();
            return refusals.refuse(RefusedException.Reason.BUSY, after, "the server is busy with other computations ("
                    + lane.name().toLowerCase() + " requests); try again in " + after + " s");
        }
    }
}

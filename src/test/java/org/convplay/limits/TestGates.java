package org.convplay.limits;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Small compute gates for tests: a few places and a short queue, so that a test can fill them. */
public final class TestGates {

    private TestGates() {
    }

    /** {@code threads} places per lane, {@code queue} waiting per lane, each waiting at most {@code maxWaitMillis}. */
    public static ComputeGate of(int threads, int queue, long maxWaitMillis) {
        LimitsProperties p = new LimitsProperties();
        p.setSmallThreads(threads);
        p.setBigThreads(threads);
        p.setSmallQueue(queue);
        p.setBigQueue(queue);
        p.setMaxWaitMillis(maxWaitMillis);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        return new ComputeGate(p, new Refusals(registry), registry);
    }
}

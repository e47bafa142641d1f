package org.convplay.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.convplay.shared.TooLargeException;
import org.junit.jupiter.api.Test;

/** The gate's lanes, queue and heap share, on its own. */
class ComputeGateTest {

    static final long BIG = 100_000_000;
    static final long SMALL = 1_000;

    @Test
    void pastTheRunningPlacesAndTheQueueTheAnswerIsAnImmediateBusyWithARetryTime() throws Exception {
        ComputeGate gate = TestGates.of(1, 1, 5_000);
        ComputeGate.Ticket running = gate.admitDetached(BIG, 0);
        CompletableFuture<ComputeGate.Ticket> queued = CompletableFuture.supplyAsync(() -> gate.admit(BIG, 0));
        while (waiting(gate) == 0) {
            Thread.sleep(5);
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> gate.admit(BIG, 0))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RefusedException.Reason.BUSY);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfterSeconds()).isPositive();
                    assertThat(e.getMessage()).contains("busy").contains("try again in");
                });
        assertThat((System.nanoTime() - start) / 1e6).as("refused without waiting").isLessThan(1_000);
        running.close();
        queued.get(5, TimeUnit.SECONDS).close();
        assertThat(gate.active(ComputeGate.Lane.BIG)).isZero();
    }

    private static int waiting(ComputeGate gate) {
        return gate.waiting(ComputeGate.Lane.BIG);
    }

    @Test
    void smallWorkRunsWhileTheBigLaneIsFull() {
        ComputeGate gate = TestGates.of(1, 0, 100);
        try (ComputeGate.Ticket big = gate.admitDetached(BIG, 0)) {
            assertThatThrownBy(() -> gate.admit(BIG, 0)).isInstanceOf(RefusedException.class);
            try (ComputeGate.Ticket small = gate.admit(SMALL, 0)) {
                assertThat(small.lane()).isEqualTo(ComputeGate.Lane.SMALL);
            }
        }
    }

    @Test
    void aThreadHoldingABigPlaceIsNotCountedTwiceForTheComputationItThenAdmits() {
        ComputeGate gate = TestGates.of(1, 0, 100);
        try (ComputeGate.Ticket body = gate.admitBigBody(-1)) {
            try (ComputeGate.Ticket work = gate.admit(BIG, 0)) {
                assertThat(gate.active(ComputeGate.Lane.BIG)).isEqualTo(1);
            }
            assertThat(gate.active(ComputeGate.Lane.BIG)).isEqualTo(1);
        }
        assertThat(gate.active(ComputeGate.Lane.BIG)).isZero();
    }

    @Test
    void workIsRefusedWhenTheRunningWorkHoldsTheHeapShare() {
        ComputeGate gate = TestGates.of(4, 4, 100);
        long share = gate.heapBudget();
        try (ComputeGate.Ticket first = gate.admitDetached(BIG, share * 3 / 4)) {
            assertThatThrownBy(() -> gate.admit(BIG, share / 2))
                    .isInstanceOfSatisfying(RefusedException.class, e -> assertThat(e.getMessage()).contains("memory"));
            assertThat(gate.reservedBytes()).isEqualTo(share * 3 / 4);
        }
        assertThat(gate.reservedBytes()).isZero();
        assertThatThrownBy(() -> gate.admit(BIG, share + 1)).isInstanceOf(TooLargeException.class)
                .hasMessageContaining("MB of memory");
    }
}

package org.convplay.engine.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.EngineRegistry;
import org.convplay.engine.FastCpuEngine;
import org.convplay.engine.InPlaceEngine;
import org.convplay.engine.Kernel;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.Tensor;
import org.junit.jupiter.api.Test;

/** The runner's contract: one row per engine on the same data, honest errors, limits, progress and cancellation. */
class BenchmarkRunnerTest {

    final BenchmarkRunner runner = new BenchmarkRunner(EngineRegistry.shared());

    @Test
    void everyAvailableEngineGetsARowWithTimingsAndASmallError() {
        BenchmarkRunner.Report report = runner.run(new BenchmarkRunner.Request(24, 3, 2, 3, 3));
        assertThat(report.results()).extracting(BenchmarkRunner.Row::backend)
                .containsExactlyElementsOf(EngineRegistry.shared().names());
        for (BenchmarkRunner.Row row : report.results()) {
            assertThat(row.medianMillis()).as(row.backend()).isNotNull().isPositive();
            assertThat(row.gflops()).as(row.backend()).isPositive();
            assertThat(row.maxAbsError()).as(row.backend()).isLessThan(1e-4);
        }
        assertThat(report.machine().cores()).isPositive();
        assertThat(report.machine().notes()).anyMatch(n -> n.startsWith("engines: "))
                .anyMatch(n -> n.startsWith("cpu engine: pure Java") && n.contains("-bit) for the channel sums"));
    }

    @Test
    void theReferenceIsOnlySpotCheckingAboveItsLimit() {
        // 2 * 64 * 64 * 25 * 96 * 96 = 1.9 GFLOP, past what the reference computes whole
        BenchmarkRunner.Request big = new BenchmarkRunner.Request(96, 5, 64, 64, 1);
        assertThat(big.flops()).isGreaterThan(BenchmarkRunner.REFERENCE_FULL_FLOPS);
        BenchmarkRunner.Report report = runner.run(big);
        BenchmarkRunner.Row reference = report.results().stream().filter(r -> r.backend().equals("reference")).findFirst().orElseThrow();
        assertThat(reference.medianMillis()).isNull();
        assertThat(reference.note()).contains("not timed");
        BenchmarkRunner.Row cpu = report.results().get(0);
        assertThat(cpu.note()).contains("sampled");
        assertThat(cpu.maxAbsError()).isLessThan(1e-4);
    }

    @Test
    void progressRisesToOne() {
        List<Double> seen = new ArrayList<>();
        runner.run(new BenchmarkRunner.Request(16, 3, 1, 1, 2), seen::add, () -> false);
        assertThat(seen).isNotEmpty().isSorted();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void aCancelledBenchmarkStopsWithCancellationException() {
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> runner.run(new BenchmarkRunner.Request(16, 3, 1, 1, 5), f -> { },
                () -> polls.incrementAndGet() > 3))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void requestsOutsideTheLimitsAreRefusedNamingTheLimit() {
        assertThatThrownBy(() -> new BenchmarkRunner.Request(0, 3, 1, 1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size must be between 1 and 4096");
        assertThatThrownBy(() -> new BenchmarkRunner.Request(64, 33, 1, 1, 10))
                .hasMessageContaining("kernel must be between 1 and 31");
        assertThatThrownBy(() -> new BenchmarkRunner.Request(64, 3, 1, 1, 101))
                .hasMessageContaining("repeats must be between 1 and 100");
        assertThatThrownBy(() -> new BenchmarkRunner.Request(4096, 3, 2, 1, 10))
                .hasMessageContaining("values; at most");
        assertThatThrownBy(() -> new BenchmarkRunner.Request(1024, 31, 16, 16, 10))
                .hasMessageContaining("GFLOP");
    }

    @Test
    void anEngineThatLeavesOutputValuesUnwrittenFailsItsRowInsteadOfShowingStaleValues() {
        // right when it allocates, wrong when it writes into the benchmark's output: it skips the last value, which,
        // were the output not filled with NaN first, would still hold the reference's exact number from its runs
        ConvolutionEngine skipsOne = new ConvolutionEngine() {
            @Override
            public String name() {
                return "skips-one";
            }

            @Override
            public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec) {
                return new ReferenceEngine().convolve(input, kernel, spec);
            }

            @Override
            public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, Tensor out) {
                float[] result = convolve(input, kernel, spec).data();
                System.arraycopy(result, 0, out.data(), 0, result.length - 1);
                return out;
            }
        };
        EngineRegistry registry = new EngineRegistry(List.of(new ReferenceEngine(), skipsOne), List.of());
        BenchmarkRunner.Report report = new BenchmarkRunner(registry).run(new BenchmarkRunner.Request(8, 3, 1, 1, 2));
        BenchmarkRunner.Row reference = report.results().get(0);
        BenchmarkRunner.Row skipping = report.results().get(1);
        assertThat(reference.maxAbsError()).isZero();
        assertThat(skipping.backend()).isEqualTo("skips-one");
        assertThat(skipping.medianMillis()).isNull();
        assertThat(skipping.note()).contains("not finite (or were never written)");
    }

    @Test
    void theMachineNotesCarryEveryRegisteredEnginesOwnDescription() {
        EngineRegistry registry = new EngineRegistry(List.of(new FastCpuEngine(), new ReferenceEngine(), new Plain()), List.of());
        assertThat(new BenchmarkRunner(registry).describeMachine().notes())
                .contains(new FastCpuEngine().describe(), new ReferenceEngine().describe(), "plain engine");
    }

    /** The reference's numbers under another name, describing itself with the interface's default. */
    static final class Plain extends InPlaceEngine {
        @Override
        public String name() {
            return "plain";
        }

        @Override
        protected Tensor run(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, Tensor out) {
            return new ReferenceEngine().convolve(input, kernel, spec, out);
        }
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(BenchmarkRunner.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(BenchmarkRunner.median(new double[] {5, 1, 3})).isEqualTo(3);
    }
}

package org.convplay.engine.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.EngineChooser;
import org.convplay.engine.EngineRegistry;
import org.convplay.engine.InPlaceEngine;
import org.convplay.engine.Kernel;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.Tensor;
import org.convplay.engine.cpu.FastCpuEngine;
import org.junit.jupiter.api.Test;

/** The runner's contract: one row per engine on the same data, honest errors, limits, progress and cancellation. */
class BenchmarkRunnerTest {

    final BenchmarkRunner runner = new BenchmarkRunner(EngineRegistry.shared());

    @Test
    void everyAvailableEngineGetsARowWithTimingsAndASmallError() {
        BenchmarkRunner.Report report = runner.run(new BenchmarkRunner.Request(24, 3, 2, 3, 3));
        List<BenchmarkRunner.Row> engineRows = report.results().stream()
                .filter(r -> EngineRegistry.shared().has(r.backend())).toList();
        assertThat(engineRows).extracting(BenchmarkRunner.Row::backend)
                .containsExactlyElementsOf(EngineRegistry.shared().names());
        for (BenchmarkRunner.Row row : engineRows) {
            assertThat(row.medianMillis()).as(row.backend()).isNotNull().isPositive();
            assertThat(row.gflops()).as(row.backend()).isPositive();
            assertThat(row.maxAbsError()).as(row.backend()).isLessThan(1e-4);
        }
        assertThat(report.machine().cores()).isPositive();
        assertThat(report.machine().notes()).anyMatch(n -> n.startsWith("engines: "))
                .anyMatch(n -> n.startsWith("cpu engine: pure Java") && n.contains("-bit) for the channel sums"));
    }

    @Test
    void theReportSaysWhichEngineARequestWithoutABackendWouldGetAndWhy() {
        BenchmarkRunner.Report report = runner.run(new BenchmarkRunner.Request(16, 3, 1, 1, 1));

        if (EngineRegistry.shared().chooser().candidates().size() == 1) {
            assertThat(report.machine().notes())
                    .contains("automatic choice: cpu for every request that names no backend (the only candidate)")
                    .contains("without a backend, this request goes to cpu: the only engine chosen automatically here");
        } else { // under the tornado profile: a table, one line per calibrated size
            assertThat(report.machine().notes()).anyMatch(n -> n.startsWith("automatic choice among tornado, cpu"))
                    .anyMatch(n -> n.startsWith("  plane 128x128, 3x3 -> "))
                    .anyMatch(n -> n.startsWith("without a backend, this request goes to "));
        }
    }

    @Test
    void theCalibrationTableListsEverySizeWithItsTimesAndChoice() {
        AtomicLong clock = new AtomicLong();
        ConvolutionEngine cpu = new Clocked("cpu", clock, 1);
        ConvolutionEngine gpu = new Clocked("tornado", clock, 0.1);
        EngineChooser chooser = new EngineChooser(List.of(gpu, cpu), cpu,
                List.of(new EngineChooser.Point(1, 32, 3, 1), new EngineChooser.Point(4, 16, 3, 4)), clock::get);

        List<String> notes = MachineNotes.calibrationNotes(chooser);

        assertThat(notes).containsExactly(
                "automatic choice among tornado, cpu, measured here (best run of each): cpu unless another is 1.2x"
                        + " faster at the nearest calibrated size",
                "  plane 32x32, 3x3 -> tornado: fastest, 10.0x the cpu engine (tornado 0.001 ms, cpu 0.009 ms)",
                "  layer 4 -> 4, 16x16, 3x3 -> tornado: fastest, 10.0x the cpu engine (tornado 0.004 ms, cpu 0.037 ms)");
    }

    /** An engine that takes {@code nanosPerMultiplyAdd} on a fake clock instead of computing. */
    record Clocked(String name, AtomicLong clock, double nanosPerMultiplyAdd) implements ConvolutionEngine {
        @Override
        public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec) {
            return convolve(input, kernel, spec, null);
        }

        @Override
        public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, Tensor out) {
            long macs = (long) kernel.filters() * input.channels() * kernel.height() * kernel.width()
                    * input.height() * input.width();
            clock.addAndGet(Math.round(macs * nanosPerMultiplyAdd));
            return out;
        }
    }

    @Test
    void openCvIsAlsoTimedAsItsUsersCallItWithTheCopiesInARowOfTheirOwn() {
        assumeTrue(EngineRegistry.shared().has("opencv"), "OpenCV's native libraries are not loaded here");

        BenchmarkRunner.Report plane = runner.run(new BenchmarkRunner.Request(64, 5, 1, 1, 3));
        BenchmarkRunner.Report layer = runner.run(new BenchmarkRunner.Request(16, 3, 4, 8, 3));

        BenchmarkRunner.Row filter2d = row(plane, "opencv filter2D");
        assertThat(filter2d.medianMillis()).isPositive();
        assertThat(filter2d.maxAbsError()).isLessThan(1e-4);
        assertThat(filter2d.note()).startsWith("filter2D alone, on native data prepared once");
        BenchmarkRunner.Row copies = row(plane, "opencv copies");
        assertThat(copies.medianMillis()).isPositive();
        assertThat(copies.gflops()).isNull();
        BenchmarkRunner.Row dnn = row(layer, "opencv dnn");
        assertThat(dnn.maxAbsError()).isLessThan(1e-4);
        assertThat(row(layer, "opencv copies").runs()).isEqualTo(3);
    }

    @Test
    void aKernelOpenCvCannotTakeInOneCallSaysSoInsteadOfTimingSomethingElse() {
        assumeTrue(EngineRegistry.shared().has("opencv"), "OpenCV's native libraries are not loaded here");

        // an even kernel's 'same' padding is uneven: dnn pads equally on all sides, so the engine pads in Java
        BenchmarkRunner.Report report = runner.run(new BenchmarkRunner.Request(16, 4, 2, 2, 1));

        assertThat(row(report, "opencv alone").note()).startsWith("not timed alone: ");
    }

    private static BenchmarkRunner.Row row(BenchmarkRunner.Report report, String backend) {
        return report.results().stream().filter(r -> r.backend().equals(backend)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + backend + " in " + report.results()));
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

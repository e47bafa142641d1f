package org.convplay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** The choice logic with engines of known speed: each advances a fake clock by its cost instead of computing. */
class EngineChooserTest {

    static final List<EngineChooser.Point> POINTS = List.of(
            new EngineChooser.Point(1, 16, 3, 1),      // 2.3 k multiply-adds
            new EngineChooser.Point(1, 256, 5, 1),     // 1.6 M
            new EngineChooser.Point(4, 16, 3, 4),      // 37 k, a layer
            new EngineChooser.Point(8, 64, 3, 8));     // 2.4 M, a layer

    final AtomicLong clock = new AtomicLong();

    interface Cost {
        long nanos(long multiplyAdds, boolean layer);
    }

    /** An engine whose run costs {@code nanos(multiplyAdds)} on the fake clock. */
    final class Timed implements ConvolutionEngine {
        final String name;
        final Cost nanos;
        final AtomicInteger runs = new AtomicInteger();

        Timed(String name, LongUnaryOperator nanos) {
            this(name, (macs, layer) -> nanos.applyAsLong(macs));
        }

        Timed(String name, Cost nanos) {
            this.name = name;
            this.nanos = nanos;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec) {
            return convolve(input, kernel, spec, null);
        }

        @Override
        public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, Tensor out) {
            runs.incrementAndGet();
            long macs = (long) kernel.filters() * input.channels() * kernel.height() * kernel.width()
                    * input.height() * input.width();
            clock.addAndGet(nanos.nanos(macs, input.channels() > 1 || kernel.filters() > 1));
            return out;
        }
    }

    /** 1 ns per multiply-add. */
    final Timed cpu = new Timed("cpu", macs -> macs);

    /** A chooser whose measurements are in. */
    EngineChooser chooser(ConvolutionEngine... candidates) {
        EngineChooser chooser = new EngineChooser(List.of(candidates), cpu, POINTS, clock::get);
        chooser.calibration();
        return chooser;
    }

    @Test
    void aGpuWithLaunchOverheadGetsLargeWorkAndTheCpuKeepsSmallWork() {
        Timed gpu = new Timed("tornado", macs -> 100_000 + macs / 50);
        EngineChooser chooser = chooser(gpu, cpu);

        assertThat(chooser.choose(2_000, false).engine()).isSameAs(cpu);
        assertThat(chooser.choose(40_000, true).engine()).isSameAs(cpu);
        EngineChooser.Choice large = chooser.choose(100_000_000, false);
        assertThat(large.engine()).isSameAs(gpu);
        assertThat(large.why()).startsWith("tornado: at the nearest calibrated size, plane 256x256, 5x5, fastest, ")
                .contains("the cpu engine").contains("cpu 1.638 ms");
        assertThat(chooser.choose(3_000_000, true).engine()).isSameAs(gpu);
    }

    @Test
    void theFirstRunAtEachSizeCompilesAndIsNotCounted() {
        java.util.Set<Long> compiled = new java.util.HashSet<>();
        // a device kernel compiles on its first run at each size: 2 s, then it runs in 1/10 of the cpu's time
        Timed gpu = new Timed("tornado", macs -> compiled.add(macs) ? 2_000_000_000L : macs / 10);
        EngineChooser chooser = chooser(gpu, cpu);

        assertThat(chooser.calibration()).extracting(EngineChooser.Measurement::chosen).containsOnly("tornado");
    }

    @Test
    void aFallbackThatIsSlowOnlyWhileColdKeepsItsSizes() {
        AtomicInteger cpuRuns = new AtomicInteger();
        // the JIT compiles the cpu engine's loops during its first runs: 30x slower for its first 40 runs
        Timed warming = new Timed("cpu", macs -> cpuRuns.incrementAndGet() <= 40 ? macs * 30 : macs);
        Timed pocl = new Timed("tornado", macs -> 3 * macs);
        EngineChooser chooser = new EngineChooser(List.of(pocl, warming), warming, POINTS, clock::get);

        assertThat(chooser.calibration()).extracting(EngineChooser.Measurement::chosen).containsOnly("cpu");
    }

    @Test
    void anOpenClCpuDeviceSlowerEverywhereNeverGetsARequest() {
        Timed pocl = new Timed("tornado", macs -> 200_000 + 6 * macs);
        EngineChooser chooser = chooser(pocl, cpu);

        assertThat(chooser.calibration()).extracting(EngineChooser.Measurement::chosen).containsOnly("cpu");
        for (long macs = 1; macs < 1L << 40; macs *= 7) {
            assertThat(chooser.choose(macs, false).engine()).isSameAs(cpu);
            assertThat(chooser.choose(macs, true).engine()).isSameAs(cpu);
        }
    }

    @Test
    void aLeadSmallerThanTheMarginIsTreatedAsNoise() {
        Timed slightlyFaster = new Timed("tornado", macs -> macs * 10 / 11);
        EngineChooser chooser = chooser(slightlyFaster, cpu);

        EngineChooser.Choice choice = chooser.choose(1_000_000, false);

        assertThat(choice.engine()).isSameAs(cpu);
        assertThat(choice.why()).contains("tornado was faster by less than 1.2x, within the noise");
    }

    @Test
    void anEngineThatFailsAtAPointIsNotChosenThereAndTheFailureIsShown() {
        Timed broken = new Timed("tornado", macs -> {
            throw new IllegalStateException("out of device memory");
        });
        EngineChooser chooser = chooser(broken, cpu);

        EngineChooser.Choice choice = chooser.choose(1_000_000, false);

        assertThat(choice.engine()).isSameAs(cpu);
        assertThat(choice.why()).contains("tornado failed: IllegalStateException: out of device memory");
    }

    @Test
    void eachKindIsJudgedByItsOwnPoints() {
        // fast on layers (many channels fill a GPU), slow on single planes
        Timed layers = new Timed("tornado", (macs, layer) -> layer ? macs / 4 : macs * 4);
        EngineChooser chooser = chooser(layers, cpu);

        assertThat(chooser.choose(37_000, true).engine()).isSameAs(layers);
        // as much work as the calibrated layer, but one plane: judged by the planes
        assertThat(chooser.choose(37_000, false).engine()).isSameAs(cpu);
        assertThat(chooser.choose(1_600_000, false).engine()).isSameAs(cpu);
    }

    @Test
    void aSingleCandidateIsNeverCalibrated() {
        EngineChooser chooser = chooser(cpu);

        EngineChooser.Choice choice = chooser.choose(1_000_000, false);

        assertThat(choice.engine()).isSameAs(cpu);
        assertThat(chooser.calibration()).isEmpty();
        assertThat(cpu.runs).hasValue(0);
    }

    @Test
    void untilTheMeasurementsAreInRequestsGoToTheFallbackWhileTheyAreTakenInTheBackground() {
        Timed gpu = new Timed("tornado", macs -> 100_000 + macs / 50);
        EngineChooser chooser = new EngineChooser(List.of(gpu, cpu), cpu, POINTS, clock::get);

        EngineChooser.Choice early = chooser.choose(100_000_000, false);

        assertThat(early.engine()).isSameAs(cpu);
        assertThat(early.why()).isEqualTo("cpu: the engines are still being measured");
        assertThat(chooser.calibration()).hasSize(POINTS.size()); // waits for the background measurement
        assertThat(chooser.choose(100_000_000, false).engine()).isSameAs(gpu);
    }

    @Test
    void calibrationRunsOnceAndEveryEngineAtEveryPoint() {
        Timed gpu = new Timed("tornado", macs -> 100_000 + macs / 50);
        EngineChooser chooser = chooser(gpu, cpu);

        chooser.choose(1, false);
        chooser.calibrateInBackground();
        int runs = gpu.runs.get();
        chooser.choose(1 << 30, true);

        assertThat(chooser.calibration()).extracting(EngineChooser.Measurement::point).containsExactlyElementsOf(POINTS);
        assertThat(chooser.calibration()).allSatisfy(m -> assertThat(m.millis()).containsOnlyKeys("tornado", "cpu"));
        assertThat(gpu.runs).hasValue(runs);
        // two passes (the first warms up), each with an untimed first run and MIN_RUNS timed ones at least
        assertThat(runs).isGreaterThanOrEqualTo(2 * POINTS.size() * (1 + EngineChooser.MIN_RUNS));
    }
}

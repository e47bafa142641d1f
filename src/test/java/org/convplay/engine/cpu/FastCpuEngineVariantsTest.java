package org.convplay.engine.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.EngineContractTest;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.ShapeException;
import org.convplay.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each of the fast engine's variants against the reference, forced on whatever it supports, so that a variant
 * the size thresholds rarely pick in the contract test is still checked on every padding, border and group count.
 */
class FastCpuEngineVariantsTest {

    @Test
    void winogradMatchesTheReferenceOnEveryPaddingBorderGroupAndFlip() {
        assertVariantMatches(FastCpuEngine.Strategy.WINOGRAD, 3, 200);
    }

    @Test
    void winogradWithVectorSumsMatchesTheReferenceOnEveryPaddingBorderGroupAndFlip() {
        assertVariantMatches(FastCpuEngine.Strategy.WINOGRAD_VECTOR, 3, 200);
    }

    @Test
    void theTestsRunWithTheVectorApiSoTheDefaultVariantIsTested() {
        assertThat(WinogradF23.VECTOR_API).as("surefire's argLine must carry --add-modules jdk.incubator.vector").isTrue();
    }

    @Test
    void theDirectMethodMatchesTheReferenceOnManyChannels() {
        assertVariantMatches(FastCpuEngine.Strategy.DIRECT, 0, 100);
    }

    @Test
    void wideImagesCutIntoColumnStripesMatchTheReference() {
        SplittableRandom random = new SplittableRandom(11);
        ReferenceEngine reference = new ReferenceEngine();
        for (int n = 0; n < 40; n++) {
            EngineContractTest.Case small = EngineContractTest.Case.random(random);
            Kernel k = small.kernel();
            int taps = k.channelsPerGroup() * k.height() * k.width();
            // wide enough for two or three stripes once the stride has divided it
            int fit = Math.max(DirectConvolution.NARROW, DirectConvolution.SHIFTED_BUDGET / taps);
            int width = (2 * fit + random.nextInt(fit)) * small.spec().strideX();
            int height = 1 + random.nextInt(6);
            int channels = small.input().channels();
            EngineContractTest.Case c = new EngineContractTest.Case(
                    new Tensor(channels, height, width, EngineContractTest.uniform(random, channels * height * width)),
                    small.kernel(), small.spec());
            Tensor expected;
            try {
                expected = reference.convolve(c.input(), c.kernel(), c.spec());
            } catch (ShapeException e) {
                continue;
            }
            int outWidth = expected.width();
            if (DirectConvolution.blockRows(outWidth, expected.height(), taps) == 1) {
                assertThat(DirectConvolution.stripes(outWidth, 1, taps)).as(c.toString()).isGreaterThan(1);
            }
            String problem = EngineContractTest.compare(expected, new FastCpuEngine().convolve(c.input(), c.kernel(), c.spec()),
                    c.magnitude(reference));
            assertThat(problem).as(c.toString()).isNull();
        }
    }

    @Test
    void layersWithManyChannelsAndA3x3KernelGoToWinograd() {
        Tensor input = new Tensor(64, 56, 56);
        Kernel kernel = new Kernel(64, 64, 3, 3, new float[64 * 64 * 9], null);
        ConvSpec spec = ConvSpec.DEFAULT.withPadding(Padding.SAME);
        assertThat(FastCpuEngine.choose(input, kernel, spec, ConvGeometry.check(input, kernel, spec)))
                .isEqualTo(FastCpuEngine.Strategy.WINOGRAD_VECTOR);
        ConvSpec strided = spec.withStride(2, 2);
        assertThat(FastCpuEngine.choose(input, kernel, strided, ConvGeometry.check(input, kernel, strided)))
                .isEqualTo(FastCpuEngine.Strategy.DIRECT);
    }

    @ParameterizedTest
    @EnumSource(value = FastCpuEngine.Strategy.class, names = {"WINOGRAD", "WINOGRAD_VECTOR"})
    void winogradSeesWeightsChangedInPlaceDespiteItsCache(FastCpuEngine.Strategy strategy) {
        SplittableRandom random = new SplittableRandom(13);
        Tensor input = new Tensor(8, 9, 7, EngineContractTest.uniform(random, 8 * 9 * 7));
        float[] weights = EngineContractTest.uniform(random, 4 * 8 * 9);
        Kernel kernel = new Kernel(4, 8, 3, 3, weights, EngineContractTest.uniform(random, 4));
        ConvSpec spec = ConvSpec.DEFAULT.withPadding(Padding.SAME);
        ConvGeometry.Plan plan = ConvGeometry.check(input, kernel, spec);
        ReferenceEngine reference = new ReferenceEngine();
        for (int round = 0; round < 3; round++) {
            if (round == 2) {
                spec = spec.withFlip(!spec.flip());
            }
            Tensor actual = run(input, kernel, spec, plan, strategy);
            Tensor expected = reference.convolve(input, kernel, spec);
            assertThat(EngineContractTest.compare(expected, actual, magnitude(input, kernel, spec))).as("round " + round).isNull();
            // the same Kernel object, new values: the cached transform must not be used
            weights[random.nextInt(weights.length)] += 1f;
        }
    }

    @ParameterizedTest
    @EnumSource(value = FastCpuEngine.Strategy.class, names = {"WINOGRAD", "WINOGRAD_VECTOR"})
    void winogradReusesItsWorkspaceWithoutCarryingValuesOver(FastCpuEngine.Strategy strategy) {
        // the same shapes call after call, so the arrays of one call's products become the next call's input
        // transform; more filters than channels per group, so the products take more arrays than each task gives back
        SplittableRandom random = new SplittableRandom(17);
        Kernel kernel = new Kernel(2 * 11, 9, 3, 3, EngineContractTest.uniform(random, 2 * 11 * 9 * 9),
                EngineContractTest.uniform(random, 2 * 11));
        ConvSpec spec = ConvSpec.DEFAULT.withPadding(Padding.SAME).withGroups(2);
        ReferenceEngine reference = new ReferenceEngine();
        for (int round = 0; round < 4; round++) {
            Tensor input = new Tensor(2 * 9, 13, 10, EngineContractTest.uniform(random, 2 * 9 * 13 * 10));
            ConvGeometry.Plan plan = ConvGeometry.check(input, kernel, spec);
            Tensor actual = run(input, kernel, spec, plan, strategy);
            assertThat(EngineContractTest.compare(reference.convolve(input, kernel, spec), actual,
                    magnitude(input, kernel, spec))).as("round " + round).isNull();
        }
    }

    /** One variant into an output full of NaN: a value the variant forgot to write shows up as a difference. */
    private static Tensor run(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan,
                              FastCpuEngine.Strategy strategy) {
        Tensor out = new Tensor(kernel.filters(), plan.outHeight(), plan.outWidth());
        java.util.Arrays.fill(out.data(), Float.NaN);
        return FastCpuEngine.convolve(input, kernel, spec, plan, strategy, out);
    }

    private static Tensor magnitude(Tensor input, Kernel kernel, ConvSpec spec) {
        return new EngineContractTest.Case(input, kernel, spec).magnitude(new ReferenceEngine());
    }

    private static void assertVariantMatches(FastCpuEngine.Strategy strategy, int kernelSize, int cases) {
        SplittableRandom random = new SplittableRandom(7);
        ReferenceEngine reference = new ReferenceEngine();
        List<String> failures = new ArrayList<>();
        for (int n = 0; n < cases; n++) {
            EngineContractTest.Case c = EngineContractTest.Case.random(random);
            if (kernelSize > 0 || random.nextBoolean()) {
                // widen to many channels per group, and to a 3x3 stride-1 kernel where asked
                int groups = c.spec().groups();
                int cpg = 1 + random.nextInt(12);
                int fpg = 1 + random.nextInt(6);
                int k = kernelSize > 0 ? kernelSize : 1 + random.nextInt(4);
                ConvSpec spec = kernelSize > 0 ? c.spec().withStride(1, 1).withDilation(1, 1) : c.spec();
                c = new EngineContractTest.Case(
                        new Tensor(groups * cpg, c.input().height(), c.input().width(),
                                EngineContractTest.uniform(random, groups * cpg * c.input().height() * c.input().width())),
                        new Kernel(groups * fpg, cpg, k, k, EngineContractTest.uniform(random, groups * fpg * cpg * k * k),
                                random.nextBoolean() ? EngineContractTest.uniform(random, groups * fpg) : null),
                        spec);
            }
            ConvGeometry.Plan plan;
            try {
                plan = ConvGeometry.check(c.input(), c.kernel(), c.spec());
            } catch (ShapeException e) {
                continue;
            }
            Tensor actual = run(c.input(), c.kernel(), c.spec(), plan, strategy);
            String problem = EngineContractTest.compare(reference.convolve(c.input(), c.kernel(), c.spec()), actual,
                    c.magnitude(reference));
            if (problem != null) {
                failures.add(c + ": " + problem);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " cases differ, first ones:\n" + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
        }
    }
}

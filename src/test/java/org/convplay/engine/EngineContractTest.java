package org.convplay.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one contract every engine signs: the golden cases of docs/conventions.md, and the reference engine's numbers
 * (to float32 rounding) on a few hundred random requests covering every padding mode, border, stride,
 * dilation, group count, bias and flip. Runs against each engine the registry finds on this machine.
 */
public class EngineContractTest {

    static final int RANDOM_CASES = 300;
    static final long SEED = 20240905L;

    static Stream<String> engines() {
        return EngineRegistry.shared().names().stream();
    }

    ConvolutionEngine engine(String name) {
        return EngineRegistry.shared().get(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theNotebooksSymmetricKernelGivesTheNotebooksValidResult(String name) {
        Tensor x = Tensor.of(new double[][] {
            {1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}});
        Kernel w = Kernel.of(new double[][] {{1, 0, 1}, {0, 1, 0}, {1, 0, 1}});
        Tensor out = engine(name).convolve(x, w, ConvSpec.DEFAULT);
        assertArrayEquals(new double[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}}, out.toArray(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anAsymmetricKernelTellsCorrelationFromConvolution(String name) {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        Kernel w = Kernel.of(new double[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new double[][] {{37, 47}, {67, 77}}, engine(name).convolve(x, w, ConvSpec.DEFAULT).toArray(0));
        assertArrayEquals(new double[][] {{23, 33}, {53, 63}},
                engine(name).convolve(x, w, ConvSpec.DEFAULT.withFlip(true)).toArray(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void openCvsTrueConvolutionWithAnEvenKernelPadsAfterAsOpenCvDoes(String name) {
        // flipped kernel [2, 1] with OpenCV's moved anchor 0: 2*1 + 2, 2*2 + 3, 2*3 + 0
        ConvSpec spec = Convention.OPENCV.resolve(ConvSettings.EMPTY.withFlip(true).withBorder(Border.ZERO));
        Tensor out = engine(name).convolve(Tensor.of(new double[][] {{1, 2, 3}}), Kernel.of(new double[][] {{1, 2}}), spec);
        assertArrayEquals(new double[][] {{4, 7, 6}}, out.toArray(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aKernelLargerThanThePaddedInputIsRejectedWithTheReferencesMessage(String name) {
        Tensor x = new Tensor(1, 2, 2);
        Kernel w = Kernel.of(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});
        ShapeException expected = assertThrows(ShapeException.class,
                () -> new ReferenceEngine().convolve(x, w, ConvSpec.DEFAULT));
        ShapeException actual = assertThrows(ShapeException.class, () -> engine(name).convolve(x, w, ConvSpec.DEFAULT));
        assertEquals(expected.getMessage(), actual.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anOutputOfTheWrongShapeOrSharingTheInputIsRefused(String name) {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        Kernel w = Kernel.of(new double[][] {{1, 2}, {3, 4}});
        ShapeException wrongShape = assertThrows(ShapeException.class,
                () -> engine(name).convolve(x, w, ConvSpec.DEFAULT, new Tensor(1, 3, 3)));
        assertEquals("the output tensor is 1x3x3 but the convolution gives 1x2x2", wrongShape.getMessage());
        Tensor same = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        ShapeException aliased = assertThrows(ShapeException.class,
                () -> engine(name).convolve(same, Kernel.of(new double[][] {{1}}), ConvSpec.DEFAULT, same));
        assertTrue(aliased.getMessage().contains("must not be the input"), aliased.getMessage());
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, same.toArray(0), "the input is untouched");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void randomRequestsMatchTheReferenceEngine(String name) {
        ConvolutionEngine engine = engine(name);
        ReferenceEngine reference = new ReferenceEngine();
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (int n = 0; n < RANDOM_CASES; n++) {
            Case c = Case.random(random);
            Tensor expected;
            try {
                expected = reference.convolve(c.input, c.kernel, c.spec);
            } catch (ShapeException e) {
                try {
                    engine.convolve(c.input, c.kernel, c.spec);
                    failures.add(c + ": the reference refused (" + e.getMessage() + ") but " + name + " accepted");
                } catch (ShapeException ok) {
                    // both refuse: that is the contract
                }
                continue;
            }
            compared++;
            Tensor magnitude = c.magnitude(reference);
            String problem = compare(expected, engine.convolve(c.input, c.kernel, c.spec), magnitude);
            if (problem != null) {
                failures.add(c + ": " + problem);
            }
            // the same request into an output of the right shape, full of NaN: every value must be written
            Tensor out = new Tensor(expected.channels(), expected.height(), expected.width());
            java.util.Arrays.fill(out.data(), Float.NaN);
            Tensor into = engine.convolve(c.input, c.kernel, c.spec, out);
            problem = into == out ? compare(expected, out, magnitude) : "convolve into an output returned another tensor";
            if (problem != null) {
                failures.add(c + " (into an output): " + problem);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + RANDOM_CASES + " random cases differ, first ones:\n"
                    + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
        }
        assertTrue(compared > RANDOM_CASES / 2, "most random cases should be valid requests, only " + compared + " were");
    }

    /** Null when equal within float32 rounding: 1e-5 of {@code sum |w*x| + |bias|} per output value. */
    public static String compare(Tensor expected, Tensor actual, Tensor magnitude) {
        if (!java.util.Arrays.equals(expected.shape(), actual.shape())) {
            return "shape " + java.util.Arrays.toString(actual.shape()) + " instead of "
                    + java.util.Arrays.toString(expected.shape());
        }
        float[] e = expected.data();
        float[] a = actual.data();
        float[] m = magnitude.data();
        for (int i = 0; i < e.length; i++) {
            double tolerance = 1e-5 * m[i] + 1e-6;
            if (!(Math.abs(e[i] - a[i]) <= tolerance)) {
                return "value " + i + " is " + a[i] + " instead of " + e[i];
            }
        }
        return null;
    }

    public static float[] uniform(SplittableRandom r, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return values;
    }

    /** One random request: small shapes, every option drawn independently. */
    public record Case(Tensor input, Kernel kernel, ConvSpec spec) {

        public static Case random(SplittableRandom r) {
            int groups = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 1;
            int cpg = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 1;
            int fpg = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 1;
            int channels = groups * cpg;
            int filters = groups * fpg;
            // mostly small, now and then wide enough for the engines' long-row and blocked code paths
            int height = 1 + r.nextInt(r.nextInt(10) == 0 ? 40 : 12);
            int width = 1 + r.nextInt(r.nextInt(10) == 0 ? 300 : 12);
            int kh = 1 + r.nextInt(5);
            int kw = r.nextBoolean() ? kh : 1 + r.nextInt(5);
            Padding padding = switch (r.nextInt(5)) {
                case 0 -> Padding.VALID;
                case 1 -> Padding.SAME;
                case 2 -> Padding.FULL;
                case 3 -> Padding.HALF;
                default -> Padding.explicit(r.nextInt(5), r.nextInt(5), r.nextInt(5), r.nextInt(5));
            };
            ConvSpec spec = new ConvSpec(padding,
                    r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 1, r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 1,
                    r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 1, r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 1,
                    groups, r.nextBoolean(), Border.values()[r.nextInt(Border.values().length)],
                    SameSide.values()[r.nextInt(SameSide.values().length)]);
            float[] x = uniform(r, channels * height * width);
            float[] w = uniform(r, filters * cpg * kh * kw);
            float[] bias = r.nextBoolean() ? uniform(r, filters) : null;
            return new Case(new Tensor(channels, height, width, x), new Kernel(filters, cpg, kh, kw, w, bias), spec);
        }

        /** {@code sum |w*x| + |bias|} per output value: the reference engine on absolute values. */
        public Tensor magnitude(ReferenceEngine reference) {
            float[] x = input.data().clone();
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.abs(x[i]);
            }
            float[] w = kernel.weights().clone();
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.abs(w[i]);
            }
            float[] b = kernel.bias() == null ? null : kernel.bias().clone();
            if (b != null) {
                for (int i = 0; i < b.length; i++) {
                    b[i] = Math.abs(b[i]);
                }
            }
            Kernel k = new Kernel(kernel.filters(), kernel.channelsPerGroup(), kernel.height(), kernel.width(), w, b);
            return reference.convolve(new Tensor(input.channels(), input.height(), input.width(), x), k, spec);
        }

        @Override
        public String toString() {
            return "input " + input + " kernel " + kernel.filters() + "x" + kernel.channelsPerGroup() + "x"
                    + kernel.height() + "x" + kernel.width() + (kernel.hasBias() ? "+bias" : "") + " " + spec;
        }
    }
}

package org.convplay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random shapes and parameters (fixed seeds) run through the reference engine and pooling, and through
 * {@link NaiveOracle}; both must agree on every value, and on which requests have no output.
 */
class EngineMatchesNaiveOracleTest {

    private static final int CASES = 400;

    private final ReferenceEngine engine = new ReferenceEngine();

    /** Whole numbers keep sums exact in float32, so those cases compare exactly; the others within rounding. */
    private static double value(SplittableRandom r, boolean whole) {
        return whole ? r.nextInt(-3, 4) : r.nextDouble(-1, 1);
    }

    private static double[][][] array(SplittableRandom r, int c, int h, int w, boolean whole) {
        double[][][] a = new double[c][h][w];
        for (double[][] plane : a) {
            for (double[] row : plane) {
                for (int x = 0; x < w; x++) {
                    row[x] = (float) value(r, whole);
                }
            }
        }
        return a;
    }

    private static Padding padding(SplittableRandom r, int limit) {
        return switch (r.nextInt(5)) {
            case 0 -> Padding.VALID;
            case 1 -> Padding.SAME;
            case 2 -> Padding.FULL;
            case 3 -> Padding.HALF;
            default -> Padding.explicit(r.nextInt(limit + 1), r.nextInt(limit + 1), r.nextInt(limit + 1), r.nextInt(limit + 1));
        };
    }

    @Test
    void referenceEngineAgreesWithTheNaiveOracleOnRandomConvolutions() {
        SplittableRandom r = new SplittableRandom(20240611L);
        int compared = 0;
        for (int n = 0; n < CASES; n++) {
            boolean whole = r.nextBoolean();
            int groups = r.nextInt(1, 4);
            int channels = groups * r.nextInt(1, 3);
            int filters = groups * r.nextInt(1, 3);
            int h = r.nextInt(1, 9);
            int w = r.nextInt(1, 9);
            int kh = r.nextInt(1, 5);
            int kw = r.nextInt(1, 5);
            ConvSpec spec = new ConvSpec(padding(r, 4), r.nextInt(1, 4), r.nextInt(1, 4), r.nextInt(1, 3), r.nextInt(1, 3),
                    groups, r.nextBoolean(), Border.values()[r.nextInt(Border.values().length)],
                    SameSide.values()[r.nextInt(SameSide.values().length)]);
            double[][][] x = array(r, channels, h, w, whole);
            double[][][][] k = new double[filters][][][];
            for (int f = 0; f < filters; f++) {
                k[f] = array(r, channels / groups, kh, kw, whole);
            }
            double[] bias = null;
            if (r.nextBoolean()) {
                bias = new double[filters];
                for (int f = 0; f < filters; f++) {
                    bias[f] = (float) value(r, whole);
                }
            }
            String label = "case " + n + ": " + spec + " on " + channels + "x" + h + "x" + w
                    + " with " + filters + "x" + channels / groups + "x" + kh + "x" + kw;
            double[][][] expected = NaiveOracle.convolve(x, k, bias, spec);
            Tensor input = Tensor.of(x);
            Kernel kernel = Kernel.of(k, bias);
            if (expected == null) {
                assertThatThrownBy(() -> engine.convolve(input, kernel, spec)).as(label).isInstanceOf(ShapeException.class);
                continue;
            }
            Tensor actual;
            try {
                actual = engine.convolve(input, kernel, spec);
            } catch (ShapeException e) {
                fail(label + " was refused: " + e.getMessage());
                return;
            }
            assertClose(actual, expected, whole ? 0 : 1e-5, label);
            compared++;
        }
        // the generator must mostly produce valid requests or the test proves little
        assertThat(compared).isGreaterThan(CASES / 2);
    }

    @Test
    void poolingAgreesWithTheNaiveOracleUnderEveryConvention() {
        SplittableRandom r = new SplittableRandom(77L);
        int compared = 0;
        for (int n = 0; n < CASES; n++) {
            boolean whole = r.nextBoolean();
            Convention convention = Convention.values()[r.nextInt(Convention.values().length)];
            int h = r.nextInt(1, 12);
            int w = r.nextInt(1, 12);
            int ph = r.nextInt(1, 5);
            int pw = r.nextInt(1, 5);
            Padding padding = switch (r.nextInt(3)) {
                case 0 -> Padding.VALID;
                case 1 -> convention == Convention.PYTORCH ? Padding.VALID : Padding.SAME;
                default -> convention == Convention.PYTORCH
                        // PyTorch allows at most half the window
                        ? Padding.explicit(r.nextInt(ph / 2 + 1), r.nextInt(ph / 2 + 1), r.nextInt(pw / 2 + 1), r.nextInt(pw / 2 + 1))
                        : Padding.explicit(r.nextInt(4), r.nextInt(4), r.nextInt(4), r.nextInt(4));
            };
            PoolSpec spec = new PoolSpec(ph, pw, r.nextInt(1, 4), r.nextInt(1, 4), padding);
            boolean max = r.nextBoolean();
            double[][][] x = array(r, r.nextInt(1, 3), h, w, whole);
            String label = "case " + n + ": " + (max ? "max " : "average ") + spec + " under " + convention.id()
                    + " on " + x.length + "x" + h + "x" + w;
            double[][][] expected = NaiveOracle.pool(max, x, spec, convention);
            Tensor input = Tensor.of(x);
            Pooling.Kind kind = max ? Pooling.Kind.MAX : Pooling.Kind.AVERAGE;
            if (expected == null) {
                assertThatThrownBy(() -> Pooling.pool(kind, input, spec, convention)).as(label)
                        .isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            Tensor actual;
            try {
                actual = Pooling.pool(kind, input, spec, convention);
            } catch (IllegalArgumentException e) {
                fail(label + " was refused: " + e.getMessage());
                return;
            }
            assertClose(actual, expected, max ? 0 : 1e-6, label);
            compared++;
        }
        assertThat(compared).isGreaterThan(CASES / 2);
    }

    @Test
    void theNaiveOraclesBordersMatchTheTable() {
        // guards the oracle itself against the spec's own example
        int[] reflect = new int[8];
        for (int i = 0; i < 8; i++) {
            reflect[i] = NaiveOracle.bounce(Border.REFLECT, i - 2, 4);
        }
        assertThat(reflect).containsExactly(2, 1, 0, 1, 2, 3, 2, 1);
    }

    private static void assertClose(Tensor actual, double[][][] expected, double tolerance, String label) {
        assertThat(actual.shape()).as(label).containsExactly(expected.length, expected[0].length, expected[0][0].length);
        for (int c = 0; c < expected.length; c++) {
            for (int y = 0; y < expected[c].length; y++) {
                for (int x = 0; x < expected[c][y].length; x++) {
                    double e = expected[c][y][x];
                    double allowed = tolerance * Math.max(1, Math.abs(e));
                    assertThat((double) actual.get(c, y, x)).as(label + " at " + c + "," + y + "," + x)
                            .isCloseTo(e, org.assertj.core.data.Offset.offset(Math.max(allowed, 0.0)));
                }
            }
        }
    }
}

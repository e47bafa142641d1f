package org.convplay.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convplay.engine.tornado.KernelPath;
import org.convplay.engine.tornado.TornadoEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engines' contract (golden cases, 300 random requests, the refusals) run once per kernel path of the tornado
 * engine, each preferred where it covers the shape; the registry's engine only ever shows the automatic choice. Then,
 * per path, hand-picked requests that the path really takes (checked) and that cross its edges: outputs that end
 * inside a 16x16 block or a 2x2 Winograd tile, odd and even kernels, strides, every padding and border, groups,
 * many channels. Compiled and run only by the tornado profile.
 */
class TornadoKernelPathsContractTest extends EngineContractTest {

    private static final Map<KernelPath, TornadoEngine> ENGINES = new EnumMap<>(KernelPath.class);

    static Stream<String> engines() {
        return Stream.of(KernelPath.values()).map(Enum::name);
    }

    static Stream<KernelPath> paths() {
        return Stream.of(KernelPath.values());
    }

    @Override
    ConvolutionEngine engine(String name) {
        return engine(KernelPath.valueOf(name));
    }

    private static synchronized TornadoEngine engine(KernelPath path) {
        return ENGINES.computeIfAbsent(path, TornadoEngine::new);
    }

    @AfterAll
    static void closeEngines() {
        ENGINES.values().forEach(TornadoEngine::close);
        ENGINES.clear();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void requestsTheirPathTakesMatchTheReference(KernelPath path) {
        TornadoEngine engine = engine(path);
        ReferenceEngine reference = new ReferenceEngine();
        SplittableRandom random = new SplittableRandom(SEED + path.ordinal());
        List<String> failures = new ArrayList<>();
        List<Case> cases = casesFor(path, random);
        for (Case c : cases) {
            assertEquals(path, engine.pathFor(c.input(), c.kernel(), c.spec()), c.toString());
            String problem = compare(reference.convolve(c.input(), c.kernel(), c.spec()),
                    engine.convolve(c.input(), c.kernel(), c.spec()), c.magnitude(reference));
            if (problem != null) {
                failures.add(c + ": " + problem);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases.size() + " requests differ, first ones:\n"
                    + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
        }
    }

    /** Requests {@code path} takes when preferred, and for Winograd and the tiled form also when chosen freely. */
    private static List<Case> casesFor(KernelPath path, SplittableRandom r) {
        List<Case> cases = new ArrayList<>();
        Border[] borders = Border.values();
        switch (path) {
            case DIRECT -> {
                // windows too large for local memory: a dilated 11x11, a 7x7 at stride 6, a 40x3 kernel
                cases.add(request(r, 2, 1, 31, 29, 11, 11, spec(Padding.SAME, 1, 4, 1, borders[0])));
                cases.add(request(r, 3, 2, 40, 45, 7, 7, spec(Padding.FULL, 6, 1, 1, borders[1])));
                cases.add(request(r, 1, 1, 44, 9, 40, 3, spec(Padding.VALID, 1, 1, 1, borders[2])));
                for (Case c : cases) {
                    assertEquals(KernelPath.DIRECT, automaticPath(c), "the only form that covers " + c);
                }
            }
            case TILED -> {
                int[][] sizes = {{1, 1}, {5, 7}, {16, 16}, {17, 33}, {40, 23}, {3, 70}};
                int[] kernels = {1, 2, 3, 4, 5, 7, 11};
                int n = 0;
                for (int[] size : sizes) {
                    for (int k : kernels) {
                        Border border = borders[n % borders.length];
                        int stride = n % 3 == 0 ? 2 : 1;
                        int dilation = n % 5 == 0 && k <= 5 ? 2 : 1; // an 11x11 dilated at stride 2 is too wide
                        Padding padding = n % 4 == 0 ? Padding.explicit(1, 2, 0, 3)
                                : (n % 2 == 0 ? Padding.FULL : Padding.SAME);
                        int channels = n % 3 == 1 ? 3 : 1;
                        int filters = n % 3 == 1 ? 4 : 1;
                        Case c = request(r, channels, filters, size[0], size[1], k, k == 4 ? 2 : k,
                                spec(padding, stride, dilation, 1, border));
                        if (validFor(c)) {
                            cases.add(c);
                        }
                        n++;
                    }
                }
                // groups: 6 channels in 3 groups to 3 filters, and 4 -> 8 in 2
                cases.add(request(r, 6, 3, 19, 21, 3, 3, spec(Padding.SAME, 1, 1, 3, Border.REFLECT)));
                cases.add(request(r, 4, 8, 18, 35, 5, 5, spec(Padding.SAME, 1, 1, 2, Border.WRAP)));
            }
            case WINOGRAD -> {
                // odd and even outputs, one channel or a few, groups, every border; the last three, with 8 or more
                // channels per group, are the automatic choice too
                int[][] sizes = {{1, 1}, {2, 3}, {7, 5}, {16, 16}, {31, 18}};
                int n = 0;
                for (int[] size : sizes) {
                    for (Border border : borders) {
                        Padding padding = n % 3 == 0 ? Padding.VALID : (n % 3 == 1 ? Padding.SAME : Padding.FULL);
                        Case c = request(r, n % 2 == 0 ? 1 : 3, n % 2 == 0 ? 1 : 2, size[0], size[1], 3, 3,
                                spec(padding, 1, 1, 1, border));
                        if (validFor(c)) {
                            cases.add(c);
                        }
                        n++;
                    }
                }
                List<Case> layers = List.of(
                        request(r, 24, 10, 9, 13, 3, 3, spec(Padding.SAME, 1, 1, 2, Border.SYMMETRIC)),
                        request(r, 16, 20, 29, 27, 3, 3, spec(Padding.SAME, 1, 1, 1, Border.ZERO)),
                        request(r, 40, 17, 11, 12, 3, 3, spec(Padding.VALID, 1, 1, 1, Border.ZERO)));
                for (Case c : layers) {
                    assertEquals(KernelPath.WINOGRAD, automaticPath(c), c.toString());
                }
                cases.addAll(layers);
            }
            default -> throw new IllegalStateException(path.name());
        }
        return cases;
    }

    /** The path the registry's tornado engine, which prefers none, takes. */
    private static KernelPath automaticPath(Case c) {
        TornadoEngine automatic = (TornadoEngine) EngineRegistry.shared().get(TornadoEngine.NAME);
        return automatic.pathFor(c.input(), c.kernel(), c.spec());
    }

    private static boolean validFor(Case c) {
        try {
            ConvGeometry.check(c.input(), c.kernel(), c.spec());
            return true;
        } catch (ShapeException e) {
            return false;
        }
    }

    private static ConvSpec spec(Padding padding, int stride, int dilation, int groups, Border border) {
        // flipped for every other border, so that both orientations meet each path
        return new ConvSpec(padding, stride, stride, dilation, dilation, groups, border.ordinal() % 2 == 1, border,
                SameSide.values()[0]);
    }

    /** A request with uniform random values in [-1, 1) and a bias. */
    private static Case request(SplittableRandom r, int channels, int filters, int h, int w, int kh, int kw,
                                ConvSpec spec) {
        int cpg = channels / spec.groups();
        Tensor input = new Tensor(channels, h, w, uniform(r, channels * h * w));
        Kernel kernel = new Kernel(filters, cpg, kh, kw, uniform(r, filters * cpg * kh * kw), uniform(r, filters));
        return new Case(input, kernel, spec);
    }
}

package org.convplay.engine.tornado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.convplay.engine.Activation;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.EngineContractTest;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.PoolSpec;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.ActivationLayer;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Layer;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PoolLayer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pipelines run by the tornado engine as one task graph, the layers' data on the device, give every layer the
 * reference engine's numbers layer by layer, within the engines' contract tolerance carried through the layers.
 * Compiled and run only by the tornado profile.
 */
class TornadoPipelineTest {

    private static final TornadoEngine ENGINE = new TornadoEngine();
    /** Every conv through the direct kernel, which the automatic choice takes only for very wide windows. */
    private static final TornadoEngine DIRECT = new TornadoEngine(KernelPath.DIRECT);
    private static final ConvSpec SAME = ConvSpec.DEFAULT.withPadding(Padding.SAME);

    @AfterAll
    static void close() {
        ENGINE.close();
        DIRECT.close();
    }

    record Case(String name, Convention convention, int[] input, List<Layer> layers) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> pipelines() {
        SplittableRandom r = new SplittableRandom(14);
        return Stream.of(
                new Case("conv+relu+maxpool", Convention.TENSORFLOW, new int[] {3, 17, 19}, List.of(
                        conv(r, 4, 3, 3, 3, SAME), new ActivationLayer(Activation.RELU),
                        PoolLayer.max(PoolSpec.of(2, 2)))),
                new Case("conv+conv, strided and reflected", Convention.TENSORFLOW, new int[] {2, 21, 18}, List.of(
                        conv(r, 3, 2, 3, 3, SAME.withBorder(Border.REFLECT)),
                        conv(r, 2, 3, 5, 5, ConvSpec.DEFAULT.withPadding(Padding.explicit(1, 2, 2, 0))
                                .withStride(2, 2)))),
                new Case("dilated, flipped, wrapped, grouped", Convention.TENSORFLOW, new int[] {4, 23, 20}, List.of(
                        conv(r, 6, 4, 3, 3, SAME.withDilation(2, 2).withFlip(true).withBorder(Border.WRAP)
                                .withGroups(2)),
                        new ActivationLayer(Activation.TANH),
                        conv(r, 2, 6, 1, 1, ConvSpec.DEFAULT))),
                new Case("avg pool same (TensorFlow)", Convention.TENSORFLOW, new int[] {2, 15, 14}, List.of(
                        conv(r, 3, 2, 3, 3, SAME.withBorder(Border.REPLICATE)),
                        PoolLayer.average(PoolSpec.of(3, 3).withStride(2, 2).withPadding(Padding.SAME)))),
                new Case("avg pool padded (PyTorch counts the padding)", Convention.PYTORCH, new int[] {3, 12, 13},
                        List.of(conv(r, 2, 3, 3, 3, ConvSpec.DEFAULT.withPadding(Padding.explicit(1, 1, 1, 1))),
                                PoolLayer.average(PoolSpec.of(3, 3).withStride(2, 2)
                                        .withPadding(Padding.explicit(1, 1, 1, 1))),
                                new ActivationLayer(Activation.SIGMOID))),
                new Case("several channels, Winograd and tiled convs", Convention.TENSORFLOW,
                        new int[] {8, 40, 37}, List.of(
                        conv(r, 16, 8, 3, 3, SAME), new ActivationLayer(Activation.RELU),
                        PoolLayer.max(PoolSpec.of(3, 3).withStride(2, 2).withPadding(Padding.SAME)),
                        conv(r, 16, 16, 3, 3, SAME), new ActivationLayer(Activation.LINEAR),
                        conv(r, 4, 16, 5, 5, ConvSpec.DEFAULT),
                        PoolLayer.average(PoolSpec.of(2, 2)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void everyLayerMatchesTheReferenceLayerByLayer(Case c) {
        matchesTheReference(c, ENGINE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void everyLayerMatchesTheReferenceWithTheDirectKernel(Case c) {
        matchesTheReference(c, DIRECT);
    }

    private static void matchesTheReference(Case c, TornadoEngine engine) {
        Pipeline pipeline = new Pipeline(c.convention(), c.layers());
        Tensor input = random(new SplittableRandom(c.name().hashCode()), c.input());
        Pipeline.Result expected = pipeline.run(input, new ReferenceEngine());
        Pipeline.Result actual = pipeline.run(input, engine);
        Pipeline.Result magnitude = magnitudes(pipeline).run(abs(input), new ReferenceEngine());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < c.layers().size(); i++) {
            String why = EngineContractTest.compare(expected.layers().get(i).output(), actual.layers().get(i).output(),
                    magnitude.layers().get(i).output());
            if (why != null) {
                failures.add("layers[" + i + "] (" + c.layers().get(i).type() + "): " + why);
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void thePipelineRunsAsOneGraphWithoutASingleConvolutionCall() {
        try (TornadoEngine engine = new TornadoEngine()) {
            Case c = pipelines().findFirst().orElseThrow();
            Pipeline pipeline = new Pipeline(c.convention(), c.layers());
            Tensor input = random(new SplittableRandom(1), c.input());
            pipeline.run(input, engine);
            pipeline.run(input, engine);
            // layer by layer, each conv would compile and cache a single-convolution plan
            assertEquals(0, engine.cachedPlans());
            assertEquals(1, engine.cachedPipelinePlans());

            // a caller that needs only the last output gets it alone, from another plan
            List<Tensor> last = engine.runLayers(pipeline, input, false);
            assertEquals(2, engine.cachedPipelinePlans());
            assertNull(last.get(0));
            assertNull(last.get(1));
            assertNotNull(last.get(2));
            Tensor expected = pipeline.run(input).output();
            assertNull(EngineContractTest.compare(expected, last.get(2),
                    magnitudes(pipeline).run(abs(input)).output()));
        }
    }

    /** A bound on each value's {@code sum |w*x| + |bias|} through the layers: all numbers positive, no squashing. */
    private static Pipeline magnitudes(Pipeline pipeline) {
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : pipeline.layers()) {
            layers.add(switch (layer) {
                case Conv2dLayer conv -> {
                    Kernel k = conv.kernel();
                    yield new Conv2dLayer(new Kernel(k.filters(), k.channelsPerGroup(), k.height(), k.width(),
                            abs(k.weights()), abs(k.bias())), conv.spec());
                }
                // relu, tanh and sigmoid shrink a difference; on positive values LINEAR keeps the bound
                case ActivationLayer a -> new ActivationLayer(Activation.LINEAR);
                case PoolLayer p -> p;
            });
        }
        return new Pipeline(pipeline.convention(), layers);
    }

    private static Conv2dLayer conv(SplittableRandom r, int filters, int channels, int kh, int kw, ConvSpec spec) {
        int perGroup = channels / spec.groups();
        float[] w = new float[filters * perGroup * kh * kw];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextDouble(-1, 1);
        }
        float[] bias = new float[filters];
        for (int i = 0; i < filters; i++) {
            bias[i] = (float) r.nextDouble(-0.5, 0.5);
        }
        return new Conv2dLayer(new Kernel(filters, perGroup, kh, kw, w, bias), spec);
    }

    private static Tensor random(SplittableRandom r, int[] shape) {
        float[] data = new float[shape[0] * shape[1] * shape[2]];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) r.nextDouble(-2, 2);
        }
        return new Tensor(shape[0], shape[1], shape[2], data);
    }

    private static Tensor abs(Tensor t) {
        return new Tensor(t.channels(), t.height(), t.width(), abs(t.data()));
    }

    private static float[] abs(float[] values) {
        if (values == null) {
            return null;
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.abs(values[i]);
        }
        return out;
    }
}

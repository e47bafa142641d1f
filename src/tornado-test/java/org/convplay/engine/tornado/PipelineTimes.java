package org.convplay.engine.tornado;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.convplay.engine.Activation;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.PoolSpec;
import org.convplay.engine.Tensor;
import org.convplay.engine.cpu.FastCpuEngine;
import org.convplay.engine.model.ActivationLayer;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PoolLayer;

/**
 * A measurement run by hand (docs/performance.md, "A pipeline on the device"), not a test: a conv 3x3 same + relu +
 * maxpool 2x2 pipeline on {@code channels x n x n} through {@code filters}, run by the tornado engine layer by layer
 * (as before: each conv a plan of its own, activation and pooling in Java) and as one graph, alternating, with the
 * cpu engine for scale. Arguments: n channels filters repeats. Prints the median of each in ms.
 */
public final class PipelineTimes {

    private PipelineTimes() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int channels = Integer.parseInt(args[1]);
        int filters = Integer.parseInt(args[2]);
        int repeats = Integer.parseInt(args[3]);
        SplittableRandom r = new SplittableRandom(14);
        Tensor input = new Tensor(channels, n, n, random(r, channels * n * n));
        float[] w = random(r, filters * channels * 9);
        Pipeline pipeline = new Pipeline(Convention.TENSORFLOW, List.of(
                new Conv2dLayer(new Kernel(filters, channels, 3, 3, w, new float[filters]),
                        ConvSpec.DEFAULT.withPadding(Padding.SAME)),
                new ActivationLayer(Activation.RELU), PoolLayer.max(PoolSpec.of(2, 2))));
        try (TornadoEngine tornado = new TornadoEngine()) {
            ConvolutionEngine layerByLayer = new ConvolutionEngine() {
                @Override
                public String name() {
                    return "layer by layer";
                }

                @Override
                public Tensor convolve(Tensor in, Kernel kernel, ConvSpec spec) {
                    return tornado.convolve(in, kernel, spec);
                }

                @Override
                public Tensor convolve(Tensor in, Kernel kernel, ConvSpec spec, Tensor out) {
                    return tornado.convolve(in, kernel, spec, out);
                }
            };
            ConvolutionEngine cpu = new FastCpuEngine();
            List<Double> before = new ArrayList<>();
            List<Double> after = new ArrayList<>();
            List<Double> onCpu = new ArrayList<>();
            for (int i = 0; i <= repeats; i++) {
                // the first round compiles the plans: not counted
                time(pipeline, input, layerByLayer, i == 0 ? null : before);
                time(pipeline, input, tornado, i == 0 ? null : after);
                time(pipeline, input, cpu, i == 0 ? null : onCpu);
            }
            System.out.printf("%dx%dx%d -> %d: layer by layer %.2f ms, one graph %.2f ms, cpu %.2f ms%n", channels, n,
                    n, filters, median(before), median(after), median(onCpu));
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) r.nextDouble(-1, 1);
        }
        return values;
    }

    private static void time(Pipeline pipeline, Tensor input, ConvolutionEngine engine, List<Double> into) {
        long start = System.nanoTime();
        pipeline.run(input, engine);
        if (into != null) {
            into.add((System.nanoTime() - start) / 1e6);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

package org.convplay.engine.jmh;

import java.util.concurrent.TimeUnit;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.EngineRegistry;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A ResNet-style layer: 64 channels to 64 filters, 56 x 56, 3 x 3, {@code same} zero padding, bias.
 * The pure-Java engine against OpenCV's dnn convolution (its network is built once and reused by the engine).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class LayerBenchmark {

    @Param({"cpu", "opencv"})
    public String backend;

    @Param({"64"})
    public int channels;

    @Param({"56"})
    public int size;

    @Param({"3"})
    public int kernelSize;

    private ConvolutionEngine engine;
    private Tensor input;
    private Kernel kernel;

    @Setup
    public void setUp() {
        engine = EngineRegistry.shared().get(backend);
        input = BenchData.input(channels, size);
        kernel = BenchData.kernel(channels, channels, kernelSize);
    }

    @Benchmark
    public Tensor convolve() {
        return engine.convolve(input, kernel, BenchData.SPEC);
    }
}

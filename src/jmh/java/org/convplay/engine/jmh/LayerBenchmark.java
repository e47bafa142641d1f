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
 * A ResNet-style layer: 64 channels to 64 filters, 56 x 56, 3 x 3, {@code same} zero padding, bias, the same seeded
 * data for all three ways: the pure-Java engine into a fresh output ({@code cpu}) and into one allocated once
 * ({@code cpuIntoOutput}), and OpenCV's dnn convolution through our engine into that output ({@code opencv}: its
 * network is built once and reused; each call copies the input in and the result out). Sample mode, for the median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class LayerBenchmark {

    @Param({"64"})
    public int channels;

    @Param({"56"})
    public int size;

    @Param({"3"})
    public int kernelSize;

    private ConvolutionEngine cpu;
    private ConvolutionEngine opencv;
    private Tensor input;
    private Kernel kernel;
    private Tensor out;

    @Setup
    public void setUp() {
        cpu = EngineRegistry.shared().get("cpu");
        // where OpenCV does not load the cpu benchmarks still run; the OpenCV one fails on the missing engine
        opencv = EngineRegistry.shared().has("opencv") ? EngineRegistry.shared().get("opencv") : null;
        input = BenchData.input(channels, size);
        kernel = BenchData.kernel(channels, channels, kernelSize);
        out = new Tensor(channels, size, size);
    }

    @Benchmark
    public Tensor cpu() {
        return cpu.convolve(input, kernel, BenchData.SPEC);
    }

    @Benchmark
    public Tensor cpuIntoOutput() {
        return cpu.convolve(input, kernel, BenchData.SPEC, out);
    }

    @Benchmark
    public Tensor opencv() {
        return opencv.convolve(input, kernel, BenchData.SPEC, out);
    }
}

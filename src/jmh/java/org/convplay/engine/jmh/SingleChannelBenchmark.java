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
 * One channel, one filter, 2048 x 2048 float32, {@code same} zero padding: the pure-Java engine against OpenCV's
 * {@code filter2D} (through the engine, so including the copies between Java arrays and native memory;
 * {@link OpenCvNativeBenchmark} times OpenCV alone).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SingleChannelBenchmark {

    @Param({"cpu", "opencv"})
    public String backend;

    @Param({"3", "5", "7", "11"})
    public int kernelSize;

    @Param({"2048"})
    public int size;

    private ConvolutionEngine engine;
    private Tensor input;
    private Kernel kernel;

    @Setup
    public void setUp() {
        engine = EngineRegistry.shared().get(backend);
        input = BenchData.input(1, size);
        kernel = BenchData.kernel(1, 1, kernelSize);
    }

    @Benchmark
    public Tensor convolve() {
        return engine.convolve(input, kernel, BenchData.SPEC);
    }
}

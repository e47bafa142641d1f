package org.convplay.engine.jmh;

import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One channel, one filter, 2048 x 2048 float32, {@code same} zero padding, the same seeded data for all four ways:
 * <ul>
 *   <li>{@code cpu}: the pure-Java engine as a single request runs it, into a fresh output (which the JVM zeroes);</li>
 *   <li>{@code cpuIntoOutput}: the same engine into an output allocated once;</li>
 *   <li>{@code opencvEngine}: OpenCV's {@code filter2D} through our engine, into an output allocated once, so with
 *   the copies between Java arrays and native memory;</li>
 *   <li>{@code opencvFilter2D}: {@code filter2D} alone on native images prepared in advance, its {@code dst}
 *   reused: OpenCV's own speed, the figure to compare {@code cpuIntoOutput} with.</li>
 * </ul>
 * Sample mode, so that JMH reports the median (p0.50) as well as the mean.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SingleChannelBenchmark {

    @Param({"3", "5", "7", "11"})
    public int kernelSize;

    @Param({"2048"})
    public int size;

    private ConvolutionEngine cpu;
    private ConvolutionEngine opencv;
    private Tensor input;
    private Kernel kernel;
    private Tensor out;
    private Mat src;
    private Mat dst;
    private Mat kernelMat;
    private Point anchor;

    @Setup
    public void setUp() {
        cpu = EngineRegistry.shared().get("cpu");
        input = BenchData.input(1, size);
        kernel = BenchData.kernel(1, 1, kernelSize);
        out = new Tensor(1, size, size);
        if (!EngineRegistry.shared().has("opencv")) {
            return; // the cpu benchmarks still run; the OpenCV ones fail on the missing engine
        }
        opencv = EngineRegistry.shared().get("opencv");
        src = new Mat(size, size, opencv_core.CV_32F, new FloatPointer(input.data()));
        kernelMat = new Mat(kernelSize, kernelSize, opencv_core.CV_32F, new FloatPointer(kernel.weights()));
        dst = new Mat(size, size, opencv_core.CV_32F);
        // same padding, extra row/column at the bottom/right: the anchor sits floor((k-1)/2) from the top-left
        anchor = new Point((kernelSize - 1) / 2, (kernelSize - 1) / 2);
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
    public Tensor opencvEngine() {
        return opencv.convolve(input, kernel, BenchData.SPEC, out);
    }

    @Benchmark
    public Mat opencvFilter2D() {
        opencv_imgproc.filter2D(src, dst, opencv_core.CV_32F, kernelMat, anchor, kernel.biasOf(0),
                opencv_core.BORDER_CONSTANT);
        return dst;
    }

    @TearDown
    public void tearDown() {
        if (src == null) {
            return;
        }
        src.close();
        dst.close();
        kernelMat.close();
        anchor.close();
    }
}

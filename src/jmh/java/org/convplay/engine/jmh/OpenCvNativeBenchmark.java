package org.convplay.engine.jmh;

import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
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
 * OpenCV's {@code filter2D} on native matrices prepared in advance: OpenCV's own speed, without the copies
 * between Java arrays and native memory that {@link SingleChannelBenchmark}'s "opencv" pays. The gap between
 * the two is the cost of calling a native library from Java on fresh data.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class OpenCvNativeBenchmark {

    @Param({"3", "5", "7", "11"})
    public int kernelSize;

    @Param({"2048"})
    public int size;

    private Mat src;
    private Mat dst;
    private Mat kernelMat;
    private Point anchor;

    @Setup
    public void setUp() {
        Tensor input = BenchData.input(1, size);
        Kernel kernel = BenchData.kernel(1, 1, kernelSize);
        src = new Mat(size, size, opencv_core.CV_32F, new FloatPointer(input.data()));
        kernelMat = new Mat(kernelSize, kernelSize, opencv_core.CV_32F, new FloatPointer(kernel.weights()));
        dst = new Mat(size, size, opencv_core.CV_32F);
        // same padding, extra row/column at the bottom/right: the anchor sits floor((k-1)/2) from the top-left
        anchor = new Point((kernelSize - 1) / 2, (kernelSize - 1) / 2);
    }

    @Benchmark
    public Mat filter2D() {
        opencv_imgproc.filter2D(src, dst, opencv_core.CV_32F, kernelMat, anchor, 0, opencv_core.BORDER_CONSTANT);
        return dst;
    }

    @TearDown
    public void tearDown() {
        src.close();
        dst.close();
        kernelMat.close();
        anchor.close();
    }
}

package org.convplay.engine.tornado.kernel;

import uk.ac.manchester.tornado.api.annotations.Parallel;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

/**
 * The device code, apart from the engine that drives it. TornadoVM reads a kernel's class file through the system
 * class loader (to find its {@code @Parallel} loops), which inside the packaged Spring Boot jar cannot see
 * {@code BOOT-INF/classes}. So the kernels live in a class that uses nothing but TornadoVM's API, and the
 * {@code tornado} profile also packs this package into a small jar of its own
 * ({@code convolution-playground-<version>-tornado-kernels.jar}, module {@code convplay.tornado.kernels}) that
 * {@code target/tornado-jvm-args.txt} puts on the module path: there the system class loader loads it and finds
 * its bytes, and the engine in the application jar calls it.
 */
public final class ConvolutionKernels {

    private ConvolutionKernels() {
    }

    /**
     * The device kernel: every output value {@code out[(f * outH + oy) * outW + ox]} of a correlation of the
     * padded input {@code in[(c * inH + y) * inW + x]} with OIHW weights. One flat parallel loop, so that adjacent
     * work-items write adjacent outputs and read adjacent inputs (coalesced on a GPU, vectorisable on a CPU).
     */
    public static void correlate(FloatArray in, FloatArray w, FloatArray bias, FloatArray out, int outputs, int outH,
                          int outW, int filtersPerGroup, int channelsPerGroup, int inH, int inW, int kh, int kw,
                          int sy, int sx, int dy, int dx) {
        for (@Parallel int idx = 0; idx < outputs; idx++) {
            int ox = idx % outW;
            int rest = idx / outW;
            int oy = rest % outH;
            int f = rest / outH;
            int firstChannel = (f / filtersPerGroup) * channelsPerGroup;
            float sum = bias.get(f);
            for (int c = 0; c < channelsPerGroup; c++) {
                int plane = (firstChannel + c) * inH + oy * sy;
                int taps = (f * channelsPerGroup + c) * kh;
                for (int j = 0; j < kh; j++) {
                    int row = (plane + j * dy) * inW + ox * sx;
                    int wRow = (taps + j) * kw;
                    for (int i = 0; i < kw; i++) {
                        sum += in.get(row + i * dx) * w.get(wRow + i);
                    }
                }
            }
            out.set(idx, sum);
        }
    }

}

package org.convplay.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.convplay.shared.TooLargeException;
import org.convplay.convolve.ConvolutionRequest;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.SameSide;
import org.convplay.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cutting an image into stripes of output rows gives the whole convolution's numbers, can be watched and stopped. */
class ImageConvolutionServiceTest {

    final ConvolutionService convolutions = new ConvolutionService();
    final ImageConvolutionService sameThread = new ImageConvolutionService(convolutions, Runnable::run);

    static Tensor random(int c, int h, int w, long seed) {
        Random r = new Random(seed);
        float[] d = new float[c * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextInt(256);
        }
        return new Tensor(c, h, w, d);
    }

    static Kernel randomKernel(int f, int c, int kh, int kw, long seed) {
        Random r = new Random(seed);
        float[] w = new float[f * c * kh * kw];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextInt(7) - 3;
        }
        float[] b = new float[f];
        for (int i = 0; i < f; i++) {
            b[i] = r.nextInt(5);
        }
        return new Kernel(f, c, kh, kw, w, b);
    }

    @ParameterizedTest
    @EnumSource(Border.class)
    void stripesGiveTheWholeConvolutionForEveryBorderStrideAndDilation(Border border) throws Exception {
        Tensor in = random(3, 83, 41, 1);
        List<ConvSpec> specs = new ArrayList<>();
        for (Padding p : List.of(Padding.VALID, Padding.SAME, Padding.FULL, Padding.explicit(5, 0, 2, 7))) {
            for (int stride : new int[] {1, 2, 3}) {
                for (int dilation : new int[] {1, 2}) {
                    for (boolean flip : new boolean[] {false, true}) {
                        specs.add(ConvSpec.DEFAULT.withPadding(p).withStride(stride, 1).withDilation(dilation, 1)
                                .withFlip(flip).withBorder(border).withSameSide(SameSide.BEFORE));
                    }
                }
            }
        }
        Kernel k = randomKernel(2, 3, 4, 3, 2);
        for (ConvSpec spec : specs) {
            Tensor whole = convolutions.convolve(new ConvolutionRequest(in, k, spec, false, null)).output();
            BandJob job = sameThread.start(in, k, spec);
            assertThat(job.stripes()).as("an 83-row image is cut into several stripes").isGreaterThan(1);
            assertThat(job.result().get(1, TimeUnit.SECONDS)).as(spec.toString()).isEqualTo(whole);
            assertThat(job.progress()).isEqualTo(1.0);
        }
    }

    @Test
    void theNotebooksKernelOnTheNotebooksInputGivesTheNotebooksAnswer() throws Exception {
        Tensor in = Tensor.of(new double[][] {{1, 1, 1, 0, 0}, {0, 1, 1, 1, 0}, {0, 0, 1, 1, 1}, {0, 0, 1, 1, 0}, {0, 1, 1, 0, 0}});
        Kernel k = Kernel.of(KernelPreset.NOTEBOOK_X.weights());
        Tensor out = sameThread.start(in, k, ConvSpec.DEFAULT).result().get();
        assertThat(out).isEqualTo(Tensor.of(new double[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}}));
    }

    @Test
    void progressCountsFinishedStripesAndCancellingStopsTheRest() {
        List<Runnable> queued = new ArrayList<>();
        Executor later = queued::add;
        ImageConvolutionService service = new ImageConvolutionService(convolutions, later);
        BandJob job = service.start(random(1, 200, 10, 3), randomKernel(1, 1, 3, 3, 4), ConvSpec.DEFAULT.withPadding(Padding.SAME));
        assertThat(queued).hasSize(job.stripes());
        queued.get(0).run();
        queued.get(1).run();
        assertThat(job.progress()).isEqualTo(2.0 / job.stripes());
        job.cancel();
        queued.forEach(Runnable::run);
        assertThat(job.progress()).as("stripes after the cancel did not run").isEqualTo(2.0 / job.stripes());
        assertThat(job.result()).isCompletedExceptionally();
        assertThatThrownBy(() -> job.result().join()).isInstanceOf(CancellationException.class);
    }

    @Test
    void aRequestOverTheLimitsIsRefusedBeforeAnythingRuns() {
        List<Runnable> queued = new ArrayList<>();
        ImageConvolutionService service = new ImageConvolutionService(convolutions, queued::add);
        Tensor huge = new Tensor(3, 1200, 1200);
        assertThatThrownBy(() -> service.start(huge, randomKernel(1, 3, 3, 3, 5), ConvSpec.DEFAULT))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("input has 4320000 values");
        assertThat(queued).isEmpty();
    }

    @Test
    void thePoolOfThreadsGivesTheSameBandsAsTheCallersThread() throws Exception {
        ImageConvolutionService pooled = new ImageConvolutionService(convolutions);
        try {
            Tensor in = random(3, 300, 64, 6);
            Kernel k = randomKernel(8, 3, 3, 3, 7);
            ConvSpec spec = ConvSpec.DEFAULT.withPadding(Padding.SAME).withBorder(Border.REFLECT);
            assertThat(pooled.start(in, k, spec).result().get(10, TimeUnit.SECONDS))
                    .isEqualTo(sameThread.start(in, k, spec).result().get());
        } finally {
            pooled.stop();
        }
    }
}

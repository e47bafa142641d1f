package org.convplay.image;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.convplay.convolve.ConvolutionRequest;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.Tensor;
import org.convplay.limits.ComputeGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Convolves images for the images page off the request thread. The output rows are cut into stripes that
 * run on a small pool (one thread per core), each through {@link ConvolutionService} so the usual engine and
 * limits apply; stripes give the page progress to show and a point to stop at when the user cancels.
 */
@Service
public class ImageConvolutionService {

    /** Aim for about this many stripes, so progress moves in small steps and both cores stay busy. */
    static final int TARGET_STRIPES = 32;
    /** But no thinner than this many output rows, so small images run as one piece. */
    static final int MIN_STRIPE_ROWS = 16;

    private final ConvolutionService convolutions;
    private final Executor executor;
    private final ExecutorService ownPool;

    @Autowired
    public ImageConvolutionService(ConvolutionService convolutions) {
        this.convolutions = convolutions;
        AtomicInteger n = new AtomicInteger();
        this.ownPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "image-convolution-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.executor = ownPool;
    }

    /** With a given executor: tests pass {@code Runnable::run} to run stripes on the caller's thread. */
    public ImageConvolutionService(ConvolutionService convolutions, Executor executor) {
        this.convolutions = convolutions;
        this.executor = executor;
        this.ownPool = null;
    }

    @PreDestroy
    void stop() {
        if (ownPool != null) {
            ownPool.shutdownNow();
        }
    }

    /**
     * What bands are computed from, to compute them again: a page does not keep a 1 MP picture's 8 bands (32 MB of
     * float32) once the browser has them, and one band takes milliseconds when someone asks for it a second time.
     */
    public record Run(Tensor input, Kernel kernel, ConvSpec spec) {
    }

    /** Every band of {@code run} on the caller's thread. */
    public Tensor all(Run run) {
        return convolutions.convolve(new ConvolutionRequest(run.input(), run.kernel(), run.spec(), false, null), "images").output();
    }

    /** Band {@code f} of {@code run} alone (1 x H' x W'), on the caller's thread. */
    public Tensor band(Run run, int f) {
        Kernel k = run.kernel();
        int size = k.channelsPerGroup() * k.height() * k.width();
        float[] weights = java.util.Arrays.copyOfRange(k.weights(), f * size, (f + 1) * size);
        Kernel one = new Kernel(1, k.channelsPerGroup(), k.height(), k.width(), weights, k.hasBias() ? new float[] {k.biasOf(f)} : null);
        return all(new Run(run.input(), one, run.spec()));
    }

    /**
     * Starts {@code input (C x H x W) * kernel (F x C x kh x kw)}. Sizes and limits are checked here, before
     * anything runs, so a refused request throws at once with the message the page shows.
     */
    public BandJob start(Tensor input, Kernel kernel, ConvSpec spec) {
        ConvolutionService.Work work = ConvolutionService.checkLimits(new ConvolutionRequest(input, kernel, spec, false, null));
        ConvGeometry.Plan plan = ConvGeometry.check(input, kernel, spec);
        // one place in the gate for the whole job, freed when its last stripe has run or been skipped
        ComputeGate.Ticket ticket = convolutions.gate().admitDetached(work.multiplyAdds(), work.bytes());
        int outH = plan.outHeight();
        int rows = Math.max(MIN_STRIPE_ROWS, -Math.floorDiv(-outH, TARGET_STRIPES));
        int stripes = -Math.floorDiv(-outH, rows);
        BandJob job = new BandJob(stripes);
        Tensor out = new Tensor(kernel.filters(), outH, plan.outWidth());
        AtomicInteger finished = new AtomicInteger();
        for (int s = 0; s < stripes; s++) {
            int from = s * rows;
            int to = Math.min(outH, from + rows);
            executor.execute(() -> {
                try {
                    if (job.isCancelled() || job.result().isDone()) {
                        return;
                    }
                    Tensor part = convolveRows(input, kernel, spec, plan, from, to);
                    copyRows(part, out, from);
                    job.stripeDone(out);
                } catch (RuntimeException e) {
                    job.fail(e);
                } finally {
                    if (finished.incrementAndGet() == stripes) {
                        ticket.close();
                    }
                }
            });
        }
        return job;
    }

    /**
     * Output rows {@code [from, to)}: the input rows they read are cut out, rows above or below the image
     * filled as the border says, and convolved with no vertical padding, so the stripe's numbers are the
     * whole convolution's.
     */
    Tensor convolveRows(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan, int from, int to) {
        int first = from * spec.strideY() - plan.pads().top();
        int last = (to - 1) * spec.strideY() + (kernel.height() - 1) * spec.dilationY() - plan.pads().top();
        int c = input.channels();
        int h = input.height();
        int w = input.width();
        int rows = last - first + 1;
        Tensor slab = new Tensor(c, rows, w);
        for (int ch = 0; ch < c; ch++) {
            for (int r = 0; r < rows; r++) {
                int source = spec.border().sourceIndex(first + r, h);
                if (source >= 0) {
                    System.arraycopy(input.data(), input.index(ch, source, 0), slab.data(), slab.index(ch, r, 0), w);
                }
            }
        }
        ConvSpec rowSpec = spec.withPadding(Padding.explicit(0, 0, plan.pads().left(), plan.pads().right()));
        // one "images" sample per stripe: their sum is the time the images page kept the engine busy; the job holds
        // its place in the compute gate for all its stripes
        return convolutions.compute(new ConvolutionRequest(slab, kernel, rowSpec, false, null), "images").output();
    }

    private static void copyRows(Tensor part, Tensor out, int from) {
        int w = out.width();
        for (int f = 0; f < part.channels(); f++) {
            System.arraycopy(part.data(), part.index(f, 0, 0), out.data(), out.index(f, from, 0), part.height() * w);
        }
    }
}

package org.convplay.image;

import java.util.Random;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.Tensor;

/**
 * Times the images page's heaviest ordinary job by hand (not a test: timings on a shared machine are
 * no pass/fail): a 1000x1000 RGB image, 8 filters of 3x3, same padding, through
 * {@link ImageConvolutionService} as the page runs it. Prints each run's wall time and the median.
 * {@code mvn -q -DskipFrontend test-compile}, then
 * {@code java -cp target/test-classes:target/classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) org.convplay.image.OneMegapixelTiming [runs]}.
 */
public final class OneMegapixelTiming {

    private OneMegapixelTiming() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Random r = new Random(42);
        float[] pixels = new float[3 * 1000 * 1000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = r.nextInt(256) / 255f;
        }
        Tensor image = new Tensor(3, 1000, 1000, pixels);
        float[] weights = new float[8 * 3 * 3 * 3];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) r.nextGaussian();
        }
        Kernel filters = new Kernel(8, 3, 3, 3, weights, null);
        ConvSpec spec = ConvSpec.DEFAULT.withPadding(Padding.SAME).withBorder(Border.ZERO);
        ConvolutionService convolutions = new ConvolutionService();
        ImageConvolutionService service = new ImageConvolutionService(convolutions);
        System.out.println("engine: " + convolutions.engine(null).name() + ", cores: " + Runtime.getRuntime().availableProcessors());
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            service.start(image, filters, spec).result().get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            System.out.printf("run %d: %.0f ms%n", i + 1, ms[i]);
        }
        java.util.Arrays.sort(ms);
        System.out.printf("median of %d: %.0f ms (best %.0f ms)%n", runs, ms[runs / 2], ms[0]);
        service.stop();
    }
}

package org.convplay.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convplay.image.ImageConvolutionServiceTest.random;
import static org.convplay.image.ImageConvolutionServiceTest.randomKernel;

import java.util.ArrayList;
import java.util.List;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.EngineRegistry;
import org.convplay.limits.ComputeGate;
import org.convplay.limits.RefusedException;
import org.convplay.limits.TestGates;
import org.junit.jupiter.api.Test;

/** An image job holds one big-lane place while its stripes run, and gives it back when cancelled. */
class ImageJobAdmissionTest {

    @Test
    void aJobHoldsItsPlaceUntilItsLastStripeAndACancelledJobSkipsTheRest() {
        ComputeGate gate = TestGates.of(1, 0, 100);
        List<Runnable> queued = new ArrayList<>();
        ImageConvolutionService service = new ImageConvolutionService(new ConvolutionService(EngineRegistry.shared(), gate),
                queued::add);

        BandJob job = service.start(random(3, 600, 600, 1), randomKernel(8, 3, 5, 5, 2), ConvSpec.DEFAULT);
        assertThat(gate.active(ComputeGate.Lane.BIG)).isEqualTo(1);
        assertThat(gate.reservedBytes()).isPositive();
        assertThatThrownBy(() -> service.start(random(3, 600, 600, 3), randomKernel(8, 3, 5, 5, 4), ConvSpec.DEFAULT))
                .isInstanceOf(RefusedException.class).hasMessageContaining("busy");

        queued.get(0).run();
        assertThat(job.progress()).isPositive();
        job.cancel();
        queued.subList(1, queued.size()).forEach(Runnable::run);
        assertThat(job.progress()).as("no stripe ran after the cancel").isEqualTo(1.0 / job.stripes());
        assertThat(gate.active(ComputeGate.Lane.BIG)).isZero();
        assertThat(gate.reservedBytes()).isZero();
    }
}

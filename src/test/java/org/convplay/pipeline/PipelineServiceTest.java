package org.convplay.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.EngineRegistry;
import org.convplay.engine.Kernel;
import org.convplay.engine.Tensor;
import org.convplay.engine.cpu.FastCpuEngine;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.convplay.limits.ComputeGate;
import org.junit.jupiter.api.Test;

/** A pipeline that names no engine goes where a single convolution would: to the engine measured fastest here. */
class PipelineServiceTest {

    /** The cpu engine made 20 ms slower per call: the fallback, which calibration should pass over. */
    static final class Slow implements ConvolutionEngine {
        private final FastCpuEngine cpu = new FastCpuEngine();

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec) {
            return convolve(input, kernel, spec, null);
        }

        @Override
        public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, Tensor out) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return out == null ? cpu.convolve(input, kernel, spec) : cpu.convolve(input, kernel, spec, out);
        }
    }

    @Test
    void aPipelineThatNamesNoEngineRunsOnTheEngineMeasuredFastestAndANamedOneIsKept() {
        EngineRegistry engines = new EngineRegistry(List.of(new Slow(), new FastCpuEngine()), List.of(),
                List.of("slow", FastCpuEngine.NAME), "slow");
        engines.chooser().calibration();
        PipelineService pipelines = new PipelineService(new ConvolutionService(engines, ComputeGate.open()));
        Kernel kernel = new Kernel(1, 1, 3, 3, new float[] {0, 1, 0, 1, -4, 1, 0, 1, 0}, null);
        Pipeline pipeline = new Pipeline(Convention.PYTORCH, List.of(new Conv2dLayer(kernel,
                Convention.PYTORCH.resolve(ConvSettings.EMPTY))));
        Tensor input = new Tensor(1, 64, 64);

        assertThat(engines.defaultEngine().name()).isEqualTo("slow");
        assertThat(pipelines.run(pipeline, input, null).backend()).isEqualTo(FastCpuEngine.NAME);
        assertThat(pipelines.run(pipeline, input, "slow").backend()).isEqualTo("slow");
    }
}

package org.convplay.pipeline;

import java.util.List;
import org.convplay.shared.BadRequestException;
import org.convplay.shared.TooLargeException;
import org.convplay.convolve.ConvolutionService;
import org.convplay.shared.Limits;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Layer;
import org.convplay.engine.model.Pipeline;
import org.convplay.limits.ComputeGate;
import org.springframework.stereotype.Service;

/**
 * Runs small layer pipelines (Keras Sequential style) for the pipeline page and {@code POST /api/pipeline},
 * after checking shapes and the total work against {@link Limits}.
 */
@Service
public class PipelineService {

    /** Layers in one pipeline at most. */
    public static final int MAX_LAYERS = 32;

    private final ConvolutionService convolutions;

    public PipelineService(ConvolutionService convolutions) {
        this.convolutions = convolutions;
    }

    /** The run, with the time it took in milliseconds. */
    public record Run(Pipeline.Result result, String backend, double millis) {
    }

    /**
     * Checks, waits for a place in the compute gate, and runs; stops between layers when the thread is interrupted.
     *
     * @throws org.convplay.limits.RefusedException when the server is busy
     */
    public Run run(Pipeline pipeline, Tensor input, String backend) {
        ConvolutionService.Work work = check(pipeline, input);
        // no backend named: the engine measured fastest for the whole pipeline's work, as for one convolution
        ConvolutionEngine engine = convolutions.engineFor(backend, work.multiplyAdds(), input.channels() > 1
                || pipeline.layers().stream().anyMatch(l -> l instanceof Conv2dLayer conv && conv.kernel().filters() > 1));
        try (ComputeGate.Ticket ignored = convolutions.gate().admit(work.multiplyAdds(), work.bytes())) {
            long start = System.nanoTime();
            Pipeline.Result result = pipeline.run(input, engine);
            long nanos = System.nanoTime() - start;
            convolutions.record("pipeline", engine.name(), nanos);
            return new Run(result, engine.name(), nanos / 1e6);
        }
    }

    /** Shapes first (errors name the layer), then the multiply-adds of every conv layer together; returns the cost. */
    static ConvolutionService.Work check(Pipeline pipeline, Tensor input) {
        if (pipeline.layers().size() > MAX_LAYERS) {
            throw new TooLargeException("layers has " + pipeline.layers().size() + " entries; the limit is " + MAX_LAYERS);
        }
        if ((long) input.channels() * input.height() * input.width() > Limits.MAX_INPUT_VALUES) {
            throw new TooLargeException("input has " + (long) input.channels() * input.height() * input.width()
                    + " values; the limit is " + Limits.MAX_INPUT_VALUES);
        }
        List<int[]> shapes;
        try {
            shapes = pipeline.shapes(input.shape());
        } catch (IllegalArgumentException e) {
            throw BadRequestException.of(e);
        }
        long macs = 0;
        long values = 0;
        for (int i = 0; i < pipeline.layers().size(); i++) {
            int[] out = shapes.get(i);
            values += (long) out[0] * out[1] * out[2];
            Layer layer = pipeline.layers().get(i);
            if (layer instanceof Conv2dLayer conv) {
                var k = conv.kernel();
                macs += (long) k.filters() * k.channelsPerGroup() * k.height() * k.width() * out[1] * out[2];
            }
        }
        if (macs > Limits.MAX_MULTIPLY_ADDS) {
            throw new TooLargeException("this pipeline needs " + macs + " multiply-adds; the limit is " + Limits.MAX_MULTIPLY_ADDS);
        }
        if (values > 4L * Limits.MAX_INPUT_VALUES) {
            throw new TooLargeException("the layers' outputs would hold " + values + " values; the limit is " + 4L * Limits.MAX_INPUT_VALUES);
        }
        // every layer's output is kept for the page, as floats, plus the input
        return new ConvolutionService.Work(macs, 4 * (values + (long) input.channels() * input.height() * input.width()));
    }
}

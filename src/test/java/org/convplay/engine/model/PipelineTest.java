package org.convplay.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.convplay.engine.Activation;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.Initializer;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.PoolSpec;
import org.convplay.engine.ShapeException;
import org.convplay.engine.Tensor;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private static Tensor impulse11() {
        double[][] x = new double[11][11];
        x[5][5] = 1;
        return Tensor.of(x);
    }

    /** The notebook's model: Conv2D 1 filter 3x3 same, then MaxPooling2D 2x2 same. */
    private static Pipeline notebook(Convention c, Kernel kernel) {
        return new Pipeline(c, List.of(
                Conv2dLayer.of(kernel, ConvSettings.EMPTY.withPadding(Padding.SAME), c),
                PoolLayer.max(PoolSpec.of(2, 2).withPadding(Padding.SAME))));
    }

    private static Kernel centreOnly() {
        return Kernel.of(new double[][][][] {{{{0, 0, 0}, {0, 7, 0}, {0, 0, 0}}}}, new double[] {0});
    }

    private static Kernel oneToNine() {
        return Kernel.of(new double[][][][] {{{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}}}, new double[] {0});
    }

    /** (y, x) of every non-zero cell of channel 0 with its value, as "y,x=v". */
    private static List<String> nonZero(Tensor t) {
        List<String> cells = new java.util.ArrayList<>();
        for (int y = 0; y < t.height(); y++) {
            for (int x = 0; x < t.width(); x++) {
                if (t.get(0, y, x) != 0) {
                    cells.add(y + "," + x + "=" + (int) t.get(0, y, x));
                }
            }
        }
        return cells;
    }

    @Test
    void theNotebooksModelGivesSixBySixUnderBothConventions() {
        for (Convention c : new Convention[] {Convention.THEANO, Convention.TENSORFLOW}) {
            Pipeline.Result r = notebook(c, oneToNine()).run(impulse11());
            assertThat(r.shapes()).as(c.id()).containsExactly(new int[] {1, 11, 11}, new int[] {1, 6, 6});
            assertThat(r.output().shape()).containsExactly(1, 6, 6);
        }
    }

    @Test
    void theImpulseLandsInADifferentPoolingCellUnderTheanoAndTensorflow() {
        // the conv keeps the impulse at (5, 5); TF windows {4,5} -> cell 2, Theano windows {5,6} -> cell 3
        assertThat(nonZero(notebook(Convention.TENSORFLOW, centreOnly()).run(impulse11()).output())).containsExactly("2,2=7");
        assertThat(nonZero(notebook(Convention.THEANO, centreOnly()).run(impulse11()).output())).containsExactly("3,3=7");
    }

    @Test
    void withDistinctWeightsEachConventionKeepsDifferentMaxima() {
        // TF correlates: the conv shows the kernel rotated around (5,5): rows 4..6 hold 9 8 7 / 6 5 4 / 3 2 1.
        // Its windows rows {4,5},{6,7} x cols {4,5},{6,7}: max(9,8,6,5)=9, max(7,4)=7, max(3,2)=3, 1.
        assertThat(nonZero(notebook(Convention.TENSORFLOW, oneToNine()).run(impulse11()).output()))
                .containsExactly("2,2=9", "2,3=7", "3,2=3", "3,3=1");
        // Theano convolves: rows 4..6 hold 1 2 3 / 4 5 6 / 7 8 9. Windows {3,4},{5,6}: 1, max(2,3)=3, max(4,7)=7, 9.
        assertThat(nonZero(notebook(Convention.THEANO, oneToNine()).run(impulse11()).output()))
                .containsExactly("2,2=1", "2,3=3", "3,2=7", "3,3=9");
    }

    @Test
    void glorotWeightsGiveTheSameShapeAndOnlyTheImpulsesCells() {
        Kernel k = Initializer.GLOROT_UNIFORM.create(1, 1, 3, 3, 42);
        Pipeline.Result r = notebook(Convention.TENSORFLOW, k).run(impulse11());
        assertThat(r.output().shape()).containsExactly(1, 6, 6);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                if (y < 2 || y > 3 || x < 2 || x > 3) {
                    assertThat(r.output().get(0, y, x)).as(y + "," + x).isZero();
                }
            }
        }
    }

    @Test
    void everyLayersOutputAndParameterCountIsReported() {
        Kernel k = Kernel.of(new double[][][][] {{{{1, 0}, {0, -1}}}, {{{-1, 0}, {0, 1}}}}, new double[] {0, 0.5});
        Pipeline p = new Pipeline(Convention.PYTORCH, List.of(
                new Conv2dLayer(k, Convention.PYTORCH.resolve(ConvSettings.EMPTY)),
                new ActivationLayer(Activation.RELU),
                PoolLayer.average(PoolSpec.of(2, 2))));
        Tensor x = Tensor.of(new double[][] {{1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}, {1, 1, 1, 1, 1}, {0, 0, 0, 0, 0}, {2, 2, 2, 2, 2}});
        Pipeline.Result r = p.run(x);
        assertThat(r.layers()).extracting(Pipeline.LayerOutput::type).containsExactly("conv2d", "relu", "avgpool2d");
        assertThat(r.shapes()).containsExactly(new int[] {2, 4, 4}, new int[] {2, 4, 4}, new int[] {2, 2, 2});
        assertThat(p.shapes(new int[] {1, 5, 5})).containsExactly(new int[] {2, 4, 4}, new int[] {2, 4, 4}, new int[] {2, 2, 2});
        // 2 filters * 1 channel * 2 * 2 + 2 biases
        assertThat(p.parametersPerLayer()).containsExactly(10L, 0L, 0L);
        assertThat(r.parameters()).isEqualTo(10);
        // filter 0 is x[y][x] - x[y+1][x+1] = -6 on the first rows, so relu zeroes it
        assertThat(r.layers().get(0).output().get(0, 0, 0)).isEqualTo(1 - 7);
        assertThat(r.layers().get(1).output().get(0, 0, 0)).isZero();
        // filter 1 is -x[y][x] + x[y+1][x+1] + 0.5; the pool averages the relu of its top-left 2x2
        double a = 6.5, b = 6.5, c = -1 * 6 + 1 + 0.5, d = -1 * 7 + 1 + 0.5;
        assertThat(r.output().get(1, 0, 0)).isEqualTo((float) ((Math.max(a, 0) + Math.max(b, 0) + Math.max(c, 0) + Math.max(d, 0)) / 4));
    }

    @Test
    void aShapeErrorNamesTheLayerThatFailed() {
        Pipeline p = new Pipeline(Convention.TENSORFLOW, List.of(
                PoolLayer.max(PoolSpec.of(2, 2)),
                new ActivationLayer(Activation.TANH),
                new Conv2dLayer(Kernel.of(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}), Convention.TENSORFLOW.resolve(null))));
        assertThatThrownBy(() -> p.run(Tensor.of(new double[4][4])))
                .isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("layers[2] (conv2d) on input [1, 2, 2]: ")
                .hasMessageContaining("(3)");
        assertThatThrownBy(() -> p.shapes(new int[] {1, 4, 4}))
                .isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("layers[2] (conv2d)");
    }

    @Test
    void aChannelMismatchNamesTheLayer() {
        Kernel twoChannels = Kernel.of(new double[][][][] {{{{1}}, {{1}}}}, null);
        Pipeline p = new Pipeline(null, List.of(new Conv2dLayer(twoChannels, Convention.TENSORFLOW.resolve(null))));
        assertThatThrownBy(() -> p.run(Tensor.of(new double[3][3])))
                .isInstanceOf(ShapeException.class)
                .hasMessageContaining("layers[0] (conv2d)")
                .hasMessageContaining("2 channel(s) per filter but the input has 1");
    }

    @Test
    void pytorchSamePoolingIsRefusedNamingTheLayer() {
        Pipeline p = new Pipeline(Convention.PYTORCH, List.of(PoolLayer.max(PoolSpec.of(2, 2).withPadding(Padding.SAME))));
        assertThatThrownBy(() -> p.run(Tensor.of(new double[4][4])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layers[0] (maxpool2d)")
                .hasMessageContaining("no 'same'");
    }

    @Test
    void anEmptyPipelineReturnsItsInput() {
        Tensor x = Tensor.of(new double[][] {{1}});
        assertThat(new Pipeline(null, List.of()).run(x).output()).isSameAs(x);
    }

    /** Takes whole pipelines, as the tornado engine does; a single convolution is a failure here. */
    private static final class WholePipelines implements ConvolutionEngine, PipelineEngine {
        int pipelines;

        @Override
        public String name() {
            return "whole";
        }

        @Override
        public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec) {
            throw new AssertionError("convolved layer by layer");
        }

        @Override
        public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, Tensor out) {
            throw new AssertionError("convolved layer by layer");
        }

        @Override
        public List<Tensor> runLayers(Pipeline pipeline, Tensor input, boolean everyLayer) {
            pipelines++;
            return pipeline.run(input).layers().stream().map(Pipeline.LayerOutput::output).toList();
        }
    }

    @Test
    void aPipelineEngineGetsTheWholePipelineAndEveryLayersOutputIsReported() {
        WholePipelines engine = new WholePipelines();
        Pipeline p = notebook(Convention.TENSORFLOW, oneToNine());
        Pipeline.Result result = p.run(impulse11(), engine);
        Pipeline.Result expected = p.run(impulse11());
        assertThat(engine.pipelines).isEqualTo(1);
        assertThat(result.layers()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(result.layers().get(i).type()).isEqualTo(expected.layers().get(i).type());
            assertThat(result.layers().get(i).output()).isEqualTo(expected.layers().get(i).output());
        }
    }

    @Test
    void aPipelineEngineIsNotCalledWhenALayerDoesNotFitOrTheRunIsCancelled() {
        WholePipelines engine = new WholePipelines();
        Pipeline p = new Pipeline(Convention.TENSORFLOW, List.of(
                PoolLayer.max(PoolSpec.of(2, 2)),
                new Conv2dLayer(Kernel.of(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}), Convention.TENSORFLOW.resolve(null))));
        assertThatThrownBy(() -> p.run(Tensor.of(new double[4][4]), engine))
                .isInstanceOf(ShapeException.class)
                .hasMessageStartingWith("layers[1] (conv2d) on input [1, 2, 2]: ");
        assertThatThrownBy(() -> p.run(Tensor.of(new double[8][8]), engine, () -> true))
                .isInstanceOf(CancellationException.class);
        assertThat(engine.pipelines).isZero();
    }
}

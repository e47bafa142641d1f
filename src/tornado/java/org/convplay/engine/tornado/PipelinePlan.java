package org.convplay.engine.tornado;

import static org.convplay.engine.tornado.TornadoEngine.checkedInt;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Pooling;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.ActivationLayer;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Layer;
import org.convplay.engine.model.Pipeline;
import org.convplay.engine.model.PoolLayer;
import org.convplay.engine.tornado.kernel.LayerKernels;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;
import uk.ac.manchester.tornado.api.types.arrays.IntArray;

/**
 * One compiled task graph for a whole pipeline of one structure: every layer a task (a conv, with a padding task
 * before it where the spec pads; an activation; a pooling), each writing its own array on the device. One execution
 * sends the input, weights and biases, runs every layer, and brings back the last output, or every layer's output when
 * the caller shows them. Nothing in between returns to Java: arrays no transfer names stay on the device.
 * Each convolution takes the path a single one of its shape would ({@link KernelPath#choose}), its padding done on
 * the device to the layout that path reads.
 */
final class PipelinePlan implements AutoCloseable {

    /** Everything the graph depends on: the input's shape, the convention and each layer without its numbers. */
    record Key(List<Integer> input, Convention convention, List<Object> layers, boolean everyLayer) {

        static Key of(Pipeline pipeline, Tensor input, boolean everyLayer) {
            List<Object> layers = new ArrayList<>();
            for (Layer layer : pipeline.layers()) {
                if (layer instanceof Conv2dLayer conv) {
                    Kernel k = conv.kernel();
                    layers.add(List.of(k.filters(), k.channelsPerGroup(), k.height(), k.width(), conv.spec()));
                } else {
                    layers.add(layer);
                }
            }
            return new Key(Arrays.stream(input.shape()).boxed().toList(), pipeline.convention(), layers, everyLayer);
        }
    }

    /** A conv layer's device arrays the host fills before each execution. */
    private record ConvArrays(KernelPath path, FloatArray weights, FloatArray bias) {
    }

    private final FloatArray input;
    private final List<ConvArrays> convs = new ArrayList<>();
    /** Each layer's output on the device, C x H x W. */
    private final List<FloatArray> outputs = new ArrayList<>();
    private final List<int[]> shapes = new ArrayList<>();
    private final boolean everyLayer;
    private final TornadoExecutionPlan execution;

    PipelinePlan(Pipeline pipeline, int[] inputShape, boolean everyLayer, KernelPath preferred, TornadoDevice device,
                 int id) {
        this.everyLayer = everyLayer;
        String name = "pipeline" + id;
        input = new FloatArray(checkedInt("input", (long) inputShape[0] * inputShape[1] * inputShape[2]));
        TaskGraph graph = new TaskGraph(name).transferToDevice(DataTransferMode.EVERY_EXECUTION, input);
        GridScheduler grid = new GridScheduler();
        FloatArray current = input;
        int[] shape = inputShape;
        for (int i = 0; i < pipeline.layers().size(); i++) {
            Layer layer = pipeline.layers().get(i);
            int[] out = layer.outputShape(shape, pipeline.convention());
            FloatArray result = new FloatArray(checkedInt("layers[" + i + "] output", (long) out[0] * out[1] * out[2]));
            int values = result.getSize();
            switch (layer) {
                case Conv2dLayer conv -> {
                    Kernel k = conv.kernel();
                    ConvSpec spec = conv.spec();
                    ConvGeometry.Pads p = ConvGeometry.check(shape[0], shape[1], shape[2], k, spec).pads();
                    TornadoEngine.Shape s = new TornadoEngine.Shape(shape[0],
                            checkedInt("padded height", (long) shape[1] + p.top() + p.bottom()),
                            checkedInt("padded width", (long) shape[2] + p.left() + p.right()), k.filters(),
                            k.channelsPerGroup(), spec.groups(), k.height(), k.width(), out[1], out[2],
                            spec.strideY(), spec.strideX(), spec.dilationY(), spec.dilationX());
                    KernelPath path = KernelPath.choose(s, preferred);
                    int rows = CompiledPlan.rows(s, path);
                    int columns = CompiledPlan.columns(s, path);
                    FloatArray padded = current;
                    if (rows != shape[1] || columns != shape[2]) {
                        padded = new FloatArray(checkedInt("padded input", (long) shape[0] * rows * columns));
                        IntArray sourceY = sources(spec, p.top(), s.paddedH(), rows, shape[1]);
                        IntArray sourceX = sources(spec, p.left(), s.paddedW(), columns, shape[2]);
                        graph.transferToDevice(DataTransferMode.FIRST_EXECUTION, sourceY, sourceX)
                                .task("pad" + i, LayerKernels::pad, current, sourceY, sourceX, padded,
                                        padded.getSize(), shape[1], shape[2], rows, columns);
                    }
                    ConvArrays arrays = new ConvArrays(path,
                            new FloatArray(checkedInt("weights", CompiledPlan.weightCount(s, path))),
                            new FloatArray(k.filters()));
                    convs.add(arrays);
                    graph.transferToDevice(DataTransferMode.EVERY_EXECUTION, arrays.weights, arrays.bias);
                    CompiledPlan.Tasks tasks = CompiledPlan.convolution(graph, String.valueOf(i), path, s, padded,
                            arrays.weights, arrays.bias, result, rows, columns);
                    if (tasks.grid() != null) {
                        grid.addWorkerGrid(name + "." + tasks.gridTask(), tasks.grid());
                    }
                }
                // Activation's order is LayerKernels' codes
                case ActivationLayer a -> graph.task("act" + i, LayerKernels::activate, current, result, values,
                        a.activation().ordinal());
                case PoolLayer pool -> {
                    Pooling.Plan plan = Pooling.plan(shape[1], shape[2], pool.spec(), pipeline.convention());
                    ConvGeometry.Pads p = plan.pads();
                    graph.task("pool" + i, LayerKernels::pool, current, result, values, shape[1], shape[2], out[1],
                            out[2], pool.spec().sizeY(), pool.spec().sizeX(), pool.spec().strideY(),
                            pool.spec().strideX(), p.top(), p.bottom(), p.left(), p.right(),
                            pool.kind() == Pooling.Kind.MAX ? 1 : 0, plan.countPadding() ? 1 : 0);
                }
            }
            outputs.add(result);
            shapes.add(out);
            current = result;
            shape = out;
        }
        graph.transferToHost(DataTransferMode.EVERY_EXECUTION,
                everyLayer ? outputs.toArray() : new Object[] {outputs.get(outputs.size() - 1)});
        TornadoExecutionPlan plan = new TornadoExecutionPlan(graph.snapshot()).withDevice(device);
        execution = grid.keySet().isEmpty() ? plan : plan.withGridScheduler(grid);
    }

    /**
     * For each of {@code cells} rows (or columns) the input's index it copies by the spec's border rule, -1 for a
     * zero: past the {@code padded} extent (Winograd's extra row) always.
     */
    private static IntArray sources(ConvSpec spec, int before, int padded, int cells, int n) {
        int[] source = new int[cells];
        for (int i = 0; i < cells; i++) {
            source[i] = i < padded ? spec.border().sourceIndex(i - before, n) : -1;
        }
        return IntArray.fromArray(source);
    }

    /** Fills the input and the weights (flipped for true convolution), runs, and copies the outputs out. */
    List<Tensor> run(Pipeline pipeline, Tensor in) {
        MemorySegment.copy(in.data(), 0, input.getSegment(), ValueLayout.JAVA_FLOAT, 0, in.data().length);
        int conv = 0;
        for (Layer layer : pipeline.layers()) {
            if (layer instanceof Conv2dLayer c) {
                ConvArrays arrays = convs.get(conv++);
                float[] w = TornadoEngine.weights(c.kernel(), c.spec().flip());
                if (arrays.path == KernelPath.WINOGRAD) {
                    w = TornadoEngine.winogradWeights(w);
                }
                MemorySegment.copy(w, 0, arrays.weights.getSegment(), ValueLayout.JAVA_FLOAT, 0, w.length);
                float[] bias = c.kernel().hasBias() ? c.kernel().bias() : new float[c.kernel().filters()];
                MemorySegment.copy(bias, 0, arrays.bias.getSegment(), ValueLayout.JAVA_FLOAT, 0, bias.length);
            }
        }
        execution.execute();
        List<Tensor> results = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            boolean wanted = everyLayer || i == outputs.size() - 1;
            int[] s = shapes.get(i);
            results.add(wanted ? new Tensor(s[0], s[1], s[2], outputs.get(i).toHeapArray()) : null);
        }
        return results;
    }

    @Override
    public void close() {
        CompiledPlan.release(execution);
    }
}

package org.convplay.engine.tornado;

import static org.convplay.engine.tornado.TornadoEngine.checkedInt;

import org.convplay.engine.tornado.kernel.ConvolutionKernels;
import org.convplay.engine.tornado.kernel.WinogradKernels;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.KernelContext;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.WorkerGrid;
import uk.ac.manchester.tornado.api.WorkerGrid2D;
import uk.ac.manchester.tornado.api.WorkerGrid3D;
import uk.ac.manchester.tornado.api.common.TornadoDevice;
import uk.ac.manchester.tornado.api.enums.DataTransferMode;
import uk.ac.manchester.tornado.api.types.arrays.FloatArray;

/**
 * One compiled task graph for one shape and {@link KernelPath}, with the off-heap arrays it reads and writes. The host
 * fills {@link #padded} ({@link #rows} x {@link #columns} per channel), {@link #weights} (for Winograd the
 * transformed weights) and {@link #bias}; one execution sends them, runs the path's kernels and brings back
 * {@link #output}. Arrays between the kernels of a path (Winograd's transformed input and products) stay on the
 * device: no transfer names them.
 */
final class CompiledPlan implements AutoCloseable {

    final KernelPath path;
    final int rows;
    final int columns;
    final FloatArray padded;
    final FloatArray weights;
    final FloatArray bias;
    final FloatArray output;
    final TornadoExecutionPlan execution;
    /** Off-heap bytes of the host's arrays; the device holds as much, plus Winograd's intermediates. */
    final long bytes;

    CompiledPlan(TornadoEngine.Shape s, KernelPath path, TornadoDevice device, int id) {
        this.path = path;
        String name = "conv" + id;
        rows = rows(s, path);
        columns = columns(s, path);
        padded = new FloatArray(checkedInt("padded input", (long) s.channels() * rows * columns));
        weights = new FloatArray(checkedInt("weights", weightCount(s, path)));
        bias = new FloatArray(s.filters());
        output = new FloatArray(checkedInt("output", s.outputs()));
        TaskGraph graph = new TaskGraph(name)
                .transferToDevice(DataTransferMode.EVERY_EXECUTION, padded, weights, bias);
        Tasks tasks = convolution(graph, "", path, s, padded, weights, bias, output, rows, columns);
        graph.transferToHost(DataTransferMode.EVERY_EXECUTION, output);
        TornadoExecutionPlan plan = new TornadoExecutionPlan(graph.snapshot()).withDevice(device);
        execution = tasks.grid() == null ? plan
                : plan.withGridScheduler(new GridScheduler(name + "." + tasks.gridTask(), tasks.grid()));
        bytes = 4L * (padded.getSize() + weights.getSize() + bias.getSize() + output.getSize()) + tasks.extraBytes();
    }

    /**
     * The tasks of one convolution in a graph: the one that needs a work-group layout ({@code grid}, null when none
     * does) and the bytes of the intermediates they keep on the device.
     */
    record Tasks(String gridTask, WorkerGrid grid, long extraBytes) {
    }

    /** Rows per channel of the padded input {@code path} reads: Winograd's 4x4 patches at even offsets want one more
     * zero row where the output's height is odd. */
    static int rows(TornadoEngine.Shape s, KernelPath path) {
        return path == KernelPath.WINOGRAD ? 2 * ((s.outH() + 1) / 2) + 2 : s.paddedH();
    }

    /** Columns per row of the padded input {@code path} reads, as {@link #rows}. */
    static int columns(TornadoEngine.Shape s, KernelPath path) {
        return path == KernelPath.WINOGRAD ? 2 * ((s.outW() + 1) / 2) + 2 : s.paddedW();
    }

    /** Floats of the weights {@code path} reads: Winograd's are 4x4 per 3x3 filter-channel. */
    static long weightCount(TornadoEngine.Shape s, KernelPath path) {
        return path == KernelPath.WINOGRAD ? 16 * s.weightCount() / 9 : s.weightCount();
    }

    /**
     * Adds the tasks of {@code path} (named with {@code suffix}) to {@code graph}: they read {@code in}
     * ({@link #rows} x {@link #columns} per channel, already padded) and the weights as {@code path} wants them, and
     * write {@code out}.
     */
    static Tasks convolution(TaskGraph graph, String suffix, KernelPath path, TornadoEngine.Shape s, FloatArray in,
                             FloatArray weights, FloatArray bias, FloatArray out, int rows, int columns) {
        int filtersPerGroup = s.filters() / s.groups();
        if (path == KernelPath.DIRECT) {
            graph.task("conv" + suffix, ConvolutionKernels::correlate, in, weights, bias, out, (int) s.outputs(),
                    s.outH(), s.outW(), filtersPerGroup, s.channelsPerGroup(), rows, columns, s.kh(), s.kw(), s.sy(),
                    s.sx(), s.dy(), s.dx());
            return new Tasks(null, null, 0);
        }
        if (path == KernelPath.TILED) {
            int tile = ConvolutionKernels.TILE;
            int blockRows = blocks(s.outH(), tile);
            graph.task("conv" + suffix, ConvolutionKernels::correlateTiled, new KernelContext(), in, weights, bias,
                    out, s.outH(), s.outW(), filtersPerGroup, s.channelsPerGroup(), rows, columns, s.kh(), s.kw(),
                    s.sy(), s.sx(), s.dy(), s.dx(), blockRows);
            WorkerGrid2D workers = new WorkerGrid2D(blocks(s.outW(), tile) * tile,
                    checkedInt("work-items", (long) blockRows * tile * s.filters()));
            workers.setLocalWork(tile, tile, 1);
            return new Tasks("conv" + suffix, workers, 0);
        }
        int tilesY = (s.outH() + 1) / 2;
        int tilesX = (s.outW() + 1) / 2;
        int tiles = checkedInt("tiles", (long) tilesY * tilesX);
        int tile = WinogradKernels.TILE;
        int filterBlocks = blocks(filtersPerGroup, tile);
        FloatArray transformed = new FloatArray(checkedInt("transformed input", 16L * s.channels() * tiles));
        FloatArray products = new FloatArray(checkedInt("products", 16L * s.filters() * tiles));
        graph.task("input" + suffix, WinogradKernels::transformInput, in, transformed, s.channels(), rows, columns,
                        tilesY, tilesX)
                .task("multiply" + suffix, WinogradKernels::multiply, new KernelContext(), weights, transformed,
                        products, tiles, s.channels(), s.filters(), filtersPerGroup, s.channelsPerGroup(),
                        filterBlocks)
                .task("output" + suffix, WinogradKernels::transformOutput, products, bias, out, s.filters(),
                        s.outH(), s.outW(), tilesY, tilesX);
        WorkerGrid3D workers = new WorkerGrid3D(blocks(tiles, WinogradKernels.TILES_PER_GROUP) * tile,
                s.groups() * filterBlocks * tile, 16);
        workers.setLocalWork(tile, tile, 1);
        return new Tasks("multiply" + suffix, workers, 4L * (transformed.getSize() + products.getSize()));
    }

    private static int blocks(int n, int block) {
        return (n + block - 1) / block;
    }

    @Override
    public void close() {
        release(execution);
    }

    /** Closes {@code execution} and its device buffers; what TornadoVM throws comes back unchecked. */
    static void release(TornadoExecutionPlan execution) {
        try {
            execution.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not release a TornadoVM execution plan: " + e.getMessage(), e);
        }
    }
}

package org.convplay.engine.tornado;

import static org.convplay.engine.tornado.TornadoEngine.checkedInt;

import org.convplay.engine.tornado.kernel.ConvolutionKernels;
import org.convplay.engine.tornado.kernel.WinogradKernels;
import uk.ac.manchester.tornado.api.GridScheduler;
import uk.ac.manchester.tornado.api.KernelContext;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
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
        int tilesY = (s.outH() + 1) / 2;
        int tilesX = (s.outW() + 1) / 2;
        // Winograd reads 4x4 patches at even offsets: one more zero row and column where the output is odd
        rows = path == KernelPath.WINOGRAD ? 2 * tilesY + 2 : s.paddedH();
        columns = path == KernelPath.WINOGRAD ? 2 * tilesX + 2 : s.paddedW();
        padded = new FloatArray(checkedInt("padded input", (long) s.channels() * rows * columns));
        long weightCount = path == KernelPath.WINOGRAD ? 16 * s.weightCount() / 9 : s.weightCount();
        weights = new FloatArray(checkedInt("weights", weightCount));
        bias = new FloatArray(s.filters());
        output = new FloatArray(checkedInt("output", s.outputs()));
        TaskGraph graph = new TaskGraph(name)
                .transferToDevice(DataTransferMode.EVERY_EXECUTION, padded, weights, bias);
        GridScheduler grid = null;
        long extra = 0;
        switch (path) {
            case DIRECT -> graph.task("conv", ConvolutionKernels::correlate, padded, weights, bias, output,
                    (int) s.outputs(), s.outH(), s.outW(), s.filters() / s.groups(), s.channelsPerGroup(), rows,
                    columns, s.kh(), s.kw(), s.sy(), s.sx(), s.dy(), s.dx());
            case TILED -> {
                int tile = ConvolutionKernels.TILE;
                int blockRows = blocks(s.outH(), tile);
                graph.task("conv", ConvolutionKernels::correlateTiled, new KernelContext(), padded, weights, bias,
                        output, s.outH(), s.outW(), s.filters() / s.groups(), s.channelsPerGroup(), rows, columns,
                        s.kh(), s.kw(), s.sy(), s.sx(), s.dy(), s.dx(), blockRows);
                WorkerGrid2D workers = new WorkerGrid2D(blocks(s.outW(), tile) * tile,
                        checkedInt("work-items", (long) blockRows * tile * s.filters()));
                workers.setLocalWork(tile, tile, 1);
                grid = new GridScheduler(name + ".conv", workers);
            }
            case WINOGRAD -> {
                int tiles = checkedInt("tiles", (long) tilesY * tilesX);
                int tile = WinogradKernels.TILE;
                int filtersPerGroup = s.filters() / s.groups();
                int filterBlocks = blocks(filtersPerGroup, tile);
                FloatArray transformed = new FloatArray(checkedInt("transformed input", 16L * s.channels() * tiles));
                FloatArray products = new FloatArray(checkedInt("products", 16L * s.filters() * tiles));
                extra = 4L * (transformed.getSize() + products.getSize());
                graph.task("input", WinogradKernels::transformInput, padded, transformed, s.channels(), rows,
                                columns, tilesY, tilesX)
                        .task("multiply", WinogradKernels::multiply, new KernelContext(), weights, transformed,
                                products, tiles, s.channels(), s.filters(), filtersPerGroup, s.channelsPerGroup(),
                                filterBlocks)
                        .task("output", WinogradKernels::transformOutput, products, bias, output, s.filters(),
                                s.outH(), s.outW(), tilesY, tilesX);
                WorkerGrid3D workers = new WorkerGrid3D(blocks(tiles, WinogradKernels.TILES_PER_GROUP) * tile,
                        s.groups() * filterBlocks * tile, 16);
                workers.setLocalWork(tile, tile, 1);
                grid = new GridScheduler(name + ".multiply", workers);
            }
            default -> throw new IllegalStateException(path.name());
        }
        graph.transferToHost(DataTransferMode.EVERY_EXECUTION, output);
        TornadoExecutionPlan plan = new TornadoExecutionPlan(graph.snapshot()).withDevice(device);
        execution = grid == null ? plan : plan.withGridScheduler(grid);
        bytes = 4L * (padded.getSize() + weights.getSize() + bias.getSize() + output.getSize()) + extra;
    }

    private static int blocks(int n, int block) {
        return (n + block - 1) / block;
    }

    @Override
    public void close() {
        try {
            execution.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not release a TornadoVM execution plan: " + e.getMessage(), e);
        }
    }
}

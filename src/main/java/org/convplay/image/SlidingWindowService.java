package org.convplay.image;

import org.convplay.shared.BadRequestException;
import org.convplay.convolve.ConvolutionRequest;
import org.convplay.convolve.ConvolutionResult;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.ShapeException;
import org.convplay.engine.Tensor;
import org.springframework.stereotype.Service;

/** Prepares {@link WindowPlan}s for the sliding-window animation of one matrix and one kernel. */
@Service
public class SlidingWindowService {

    /** Rows or columns of the padded input the animation draws cell by cell. */
    public static final int MAX_GRID_SIDE = 96;

    private final ConvolutionService convolutions;

    public SlidingWindowService(ConvolutionService convolutions) {
        this.convolutions = convolutions;
    }

    public WindowPlan plan(double[][] input, double[][] kernel, ConvSpec spec) {
        if (spec.groups() != 1) {
            throw new BadRequestException("the animation shows one channel and one kernel; groups must be 1");
        }
        Tensor in = Tensor.of(input);
        Kernel k = Kernel.of(kernel);
        ConvolutionResult result;
        try {
            result = convolutions.convolve(new ConvolutionRequest(in, k, spec, true, null));
        } catch (ShapeException e) {
            throw new BadRequestException(e.getMessage());
        }
        ConvGeometry.Pads p = result.plan().pads();
        int h = in.height();
        int w = in.width();
        int rows = h + p.top() + p.bottom();
        int cols = w + p.left() + p.right();
        if (rows > MAX_GRID_SIDE || cols > MAX_GRID_SIDE) {
            throw new BadRequestException("with its padding the input is " + rows + "x" + cols
                    + "; the animation draws at most " + MAX_GRID_SIDE + "x" + MAX_GRID_SIDE + " cells");
        }
        double[][] grid = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            int y = spec.border().sourceIndex(r - p.top(), h);
            for (int c = 0; c < cols; c++) {
                int x = spec.border().sourceIndex(c - p.left(), w);
                grid[r][c] = y < 0 || x < 0 ? 0 : input[y][x];
            }
        }
        int kh = kernel.length;
        int kw = kernel[0].length;
        double[][] applied = new double[kh][kw];
        for (int j = 0; j < kh; j++) {
            for (int i = 0; i < kw; i++) {
                applied[j][i] = spec.flip() ? kernel[kh - 1 - j][kw - 1 - i] : kernel[j][i];
            }
        }
        return new WindowPlan(grid, p.toArray(), spec.border().id(), applied, spec.flip(),
                new int[] {spec.strideY(), spec.strideX()}, new int[] {spec.dilationY(), spec.dilationX()},
                result.output().toArray(0));
    }
}

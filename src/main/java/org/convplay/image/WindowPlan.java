package org.convplay.image;

/**
 * Everything the sliding-window animation draws, worked out on the server so that the browser only
 * replays it: the input with its padding cells filled as the border says, the kernel as it is applied
 * (rotated 180 degrees when the convolution flips it) and the output the engine computed.
 *
 * @param grid     padded input, rows of columns; the image itself starts at (pads[0], pads[2])
 * @param pads     padding cells {top, bottom, left, right}
 * @param fill     the border's name: what the padding cells hold (zero, reflect, ...)
 * @param kernel   weights in the order they meet the window's cells
 * @param flipped  true when {@code kernel} is the user's kernel rotated (mathematical convolution)
 * @param stride   {rows, columns}
 * @param dilation {rows, columns}
 * @param output   the engine's output, rows of columns
 */
public record WindowPlan(double[][] grid, int[] pads, String fill, double[][] kernel, boolean flipped,
                         int[] stride, int[] dilation, double[][] output) {

    /** The weighted sum of output cell (r, c), term by term, as the animation writes it out. */
    public double sum(int r, int c) {
        double s = 0;
        for (int j = 0; j < kernel.length; j++) {
            for (int i = 0; i < kernel[j].length; i++) {
                s += grid[r * stride[0] + j * dilation[0]][c * stride[1] + i * dilation[1]] * kernel[j][i];
            }
        }
        return s;
    }
}

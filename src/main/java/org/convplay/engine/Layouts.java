package org.convplay.engine;

/**
 * Conversions between the channels-first layouts the engine uses (inputs {@code [C][H][W]}, kernels
 * {@code [F][C][kh][kw]} = OIHW) and TensorFlow's channels-last ones ({@code [H][W][C]}, HWIO).
 * Ragged arrays are rejected with the index that is the wrong length.
 */
public final class Layouts {

    private Layouts() {
    }

    /** {@code [C][H][W]} (Theano, PyTorch) to {@code [H][W][C]} (TensorFlow). */
    public static double[][][] chwToHwc(double[][][] chw) {
        int[] s = shape3(chw, "C x H x W input");
        double[][][] out = new double[s[1]][s[2]][s[0]];
        for (int c = 0; c < s[0]; c++) {
            for (int y = 0; y < s[1]; y++) {
                for (int x = 0; x < s[2]; x++) {
                    out[y][x][c] = chw[c][y][x];
                }
            }
        }
        return out;
    }

    /** {@code [H][W][C]} to {@code [C][H][W]}. */
    public static double[][][] hwcToChw(double[][][] hwc) {
        int[] s = shape3(hwc, "H x W x C input");
        double[][][] out = new double[s[2]][s[0]][s[1]];
        for (int y = 0; y < s[0]; y++) {
            for (int x = 0; x < s[1]; x++) {
                for (int c = 0; c < s[2]; c++) {
                    out[c][y][x] = hwc[y][x][c];
                }
            }
        }
        return out;
    }

    /** OIHW {@code [F][C][kh][kw]} to HWIO {@code [kh][kw][C][F]}. */
    public static double[][][][] oihwToHwio(double[][][][] oihw) {
        int[] s = shape4(oihw, "OIHW kernel");
        double[][][][] out = new double[s[2]][s[3]][s[1]][s[0]];
        for (int f = 0; f < s[0]; f++) {
            for (int c = 0; c < s[1]; c++) {
                for (int y = 0; y < s[2]; y++) {
                    for (int x = 0; x < s[3]; x++) {
                        out[y][x][c][f] = oihw[f][c][y][x];
                    }
                }
            }
        }
        return out;
    }

    /** HWIO {@code [kh][kw][C][F]} to OIHW {@code [F][C][kh][kw]}. */
    public static double[][][][] hwioToOihw(double[][][][] hwio) {
        int[] s = shape4(hwio, "HWIO kernel");
        double[][][][] out = new double[s[3]][s[2]][s[0]][s[1]];
        for (int y = 0; y < s[0]; y++) {
            for (int x = 0; x < s[1]; x++) {
                for (int c = 0; c < s[2]; c++) {
                    for (int f = 0; f < s[3]; f++) {
                        out[f][c][y][x] = hwio[y][x][c][f];
                    }
                }
            }
        }
        return out;
    }

    /** The OIHW weights of a kernel as nested arrays {@code [F][C/g][kh][kw]}. */
    public static double[][][][] toArray(Kernel k) {
        double[][][][] out = new double[k.filters()][k.channelsPerGroup()][k.height()][k.width()];
        for (int f = 0; f < k.filters(); f++) {
            for (int c = 0; c < k.channelsPerGroup(); c++) {
                for (int y = 0; y < k.height(); y++) {
                    for (int x = 0; x < k.width(); x++) {
                        out[f][c][y][x] = k.weight(f, c, y, x);
                    }
                }
            }
        }
        return out;
    }

    private static int[] shape3(double[][][] a, String what) {
        if (a == null || a.length == 0 || a[0].length == 0 || a[0][0].length == 0) {
            throw new ShapeException("the " + what + " is empty");
        }
        int[] s = {a.length, a[0].length, a[0][0].length};
        for (int i = 0; i < s[0]; i++) {
            if (a[i].length != s[1]) {
                throw new ShapeException("the " + what + " is ragged: [" + i + "] has " + a[i].length + " entries, expected " + s[1]);
            }
            for (int j = 0; j < s[1]; j++) {
                if (a[i][j].length != s[2]) {
                    throw new ShapeException("the " + what + " is ragged: [" + i + "][" + j + "] has " + a[i][j].length
                            + " entries, expected " + s[2]);
                }
            }
        }
        return s;
    }

    private static int[] shape4(double[][][][] a, String what) {
        if (a == null || a.length == 0) {
            throw new ShapeException("the " + what + " is empty");
        }
        int[] inner = shape3(a[0], what + "[0]");
        for (int i = 1; i < a.length; i++) {
            int[] s = shape3(a[i], what + "[" + i + "]");
            if (s[0] != inner[0] || s[1] != inner[1] || s[2] != inner[2]) {
                throw new ShapeException("the " + what + " is ragged: [" + i + "] has shape " + s[0] + "x" + s[1] + "x" + s[2]
                        + ", expected " + inner[0] + "x" + inner[1] + "x" + inner[2]);
            }
        }
        return new int[] {a.length, inner[0], inner[1], inner[2]};
    }
}

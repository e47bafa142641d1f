package org.convplay.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conventions against the libraries themselves, where a python3 here can import them: OpenCV's filter2D (and
 * its documented true convolution: kernel flipped, anchor moved), scipy.signal's correlate2d/convolve2d 'same' and
 * scipy.ndimage's correlate/convolve, on random small integer cases with even and odd kernels and every border each
 * library has. Skipped where the library is absent (Debian: python3-opencv, python3-scipy).
 */
class ConventionsMatchPythonTest {

    static final int CASES = 60;

    @TempDir
    Path dir;

    /** One library call: its Python expression over x and w, and the convention and border that should match it. */
    record Call(String python, Convention convention, Border border, boolean flip) {
    }

    @Test
    void openCvFilter2DAndItsTrueConvolutionMatchTheOpencvConvention() throws Exception {
        String flipped = "cv2.filter2D(x, -1, cv2.flip(w, -1), anchor=(w.shape[1]-1-w.shape[1]//2, w.shape[0]-1-w.shape[0]//2), borderType=cv2.%s)";
        List<Call> calls = new ArrayList<>();
        String[][] borders = {{"BORDER_CONSTANT", "ZERO"}, {"BORDER_REFLECT_101", "REFLECT"}, {"BORDER_REFLECT", "SYMMETRIC"},
            {"BORDER_REPLICATE", "REPLICATE"}};
        for (String[] b : borders) {
            calls.add(new Call("cv2.filter2D(x, -1, w, borderType=cv2." + b[0] + ")", Convention.OPENCV, Border.valueOf(b[1]), false));
            calls.add(new Call(flipped.formatted(b[0]), Convention.OPENCV, Border.valueOf(b[1]), true));
        }
        assertTheLibraryAgrees("import numpy, cv2", "import numpy as np, cv2", "np.float32", calls);
    }

    @Test
    void scipySignalsSameModesMatchTheScipyConvention() throws Exception {
        List<Call> calls = new ArrayList<>();
        String[][] borders = {{"fill", "ZERO"}, {"symm", "SYMMETRIC"}, {"wrap", "WRAP"}};
        for (String[] b : borders) {
            calls.add(new Call("scipy.signal.correlate2d(x, w, 'same', boundary='" + b[0] + "')", Convention.SCIPY, Border.valueOf(b[1]), false));
            calls.add(new Call("scipy.signal.convolve2d(x, w, 'same', boundary='" + b[0] + "')", Convention.SCIPY, Border.valueOf(b[1]), true));
        }
        assertTheLibraryAgrees("import numpy, scipy.signal", "import numpy as np, scipy.signal", "np.float64", calls);
    }

    @Test
    void scipyNdimageMatchesTheScipyNdimageConvention() throws Exception {
        List<Call> calls = new ArrayList<>();
        String[][] borders = {{"constant", "ZERO"}, {"reflect", "SYMMETRIC"}, {"mirror", "REFLECT"}, {"nearest", "REPLICATE"},
            {"wrap", "WRAP"}};
        for (String[] b : borders) {
            calls.add(new Call("scipy.ndimage.correlate(x, w, mode='" + b[0] + "')", Convention.SCIPY_NDIMAGE, Border.valueOf(b[1]), false));
            calls.add(new Call("scipy.ndimage.convolve(x, w, mode='" + b[0] + "')", Convention.SCIPY_NDIMAGE, Border.valueOf(b[1]), true));
        }
        assertTheLibraryAgrees("import numpy, scipy.ndimage", "import numpy as np, scipy.ndimage", "np.float64", calls);
    }

    private void assertTheLibraryAgrees(String probe, String imports, String dtype, List<Call> calls) throws Exception {
        String python = ExportRunsInPythonTest.interpreterFor(probe);
        Assumptions.assumeTrue(python != null, "no python3 here can '" + probe + "'");
        SplittableRandom random = new SplittableRandom(16);
        StringBuilder script = new StringBuilder(imports).append("\n");
        List<String> labels = new ArrayList<>();
        List<double[][]> expected = new ArrayList<>();
        for (int n = 0; n < CASES; n++) {
            Call call = calls.get(n % calls.size());
            // kernels no larger than the input, so that every library pads less than the input's length
            int h = random.nextInt(1, 7);
            int w = random.nextInt(1, 7);
            double[][] x = matrix(random, h, w);
            double[][] k = matrix(random, random.nextInt(1, h + 1), random.nextInt(1, w + 1));
            ConvSettings settings = ConvSettings.EMPTY.withPadding(Padding.SAME).withBorder(call.border()).withFlip(call.flip());
            expected.add(new ReferenceEngine().convolve(Tensor.of(x), Kernel.of(k), call.convention().resolve(settings)).toArray(0));
            labels.add(call.python() + " with x = " + Arrays.deepToString(x) + ", w = " + Arrays.deepToString(k));
            script.append("x = np.array(").append(Arrays.deepToString(x)).append(", dtype=").append(dtype).append(")\n")
                    .append("w = np.array(").append(Arrays.deepToString(k)).append(", dtype=").append(dtype).append(")\n")
                    .append("print(' '.join(repr(float(v)) for v in np.asarray(").append(call.python()).append(").ravel()))\n");
        }
        Path file = dir.resolve("conventions.py");
        Files.writeString(file, script.toString(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(python, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("python finished in time").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String[] lines = out.strip().split("\n");
        assertThat(lines).as(out).hasSize(CASES);
        List<String> differ = new ArrayList<>();
        for (int n = 0; n < CASES; n++) {
            double[] actual = Arrays.stream(lines[n].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
            double[] ours = Arrays.stream(expected.get(n)).flatMapToDouble(Arrays::stream).toArray();
            if (!same(actual, ours)) {
                differ.add(labels.get(n) + ": the library gives " + Arrays.toString(actual) + ", we give " + Arrays.toString(ours));
            }
        }
        assertThat(differ).as("cases where the library and the engine differ").isEmpty();
    }

    /** Equal values, 0.0 and -0.0 alike (sums are exact, see {@link #matrix}). */
    private static boolean same(double[] a, double[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** Small whole numbers: every sum is exact in float32 and float64 alike. */
    private static double[][] matrix(SplittableRandom random, int h, int w) {
        double[][] m = new double[h][w];
        for (double[] row : m) {
            for (int i = 0; i < w; i++) {
                row[i] = random.nextInt(-4, 5);
            }
        }
        return m;
    }
}

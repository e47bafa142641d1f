package org.convplay.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.Tensor;
import org.convplay.engine.model.Conv2dLayer;
import org.convplay.engine.model.Pipeline;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each export with a Python that has its stack and compares what it prints with the engine.
 * Each target is skipped where no python3 on this machine can import its modules.
 */
class ExportRunsInPythonTest {

    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+\\.?\\d*(?:[eE][-+]?\\d+)?|inf|nan)");

    /** The pyenv/virtualenv python3 first, then Debian's, which is where apt's python3-torch lands. */
    private static final String[] INTERPRETERS = {"python3", "/usr/bin/python3"};

    @TempDir
    Path dir;

    @Test
    void theNumpyExportPrintsTheEnginesNumbers() throws Exception {
        assertEveryFixtureReproducesTheEngine(Target.NUMPY, "import numpy, scipy");
    }

    @Test
    void thePyTorchExportPrintsTheEnginesNumbers() throws Exception {
        assertEveryFixtureReproducesTheEngine(Target.PYTORCH, "import torch");
    }

    @Test
    void theKerasExportPrintsTheEnginesNumbers() throws Exception {
        assertEveryFixtureReproducesTheEngine(Target.KERAS, "import numpy, tensorflow");
    }

    @Test
    void theNumpyExportReadsPicturesAsTheImagesPageDoes() throws Exception {
        assertPicturesReproduceTheEngine(Target.NUMPY, "import numpy, scipy, PIL");
    }

    @Test
    void thePyTorchExportReadsPicturesAsTheImagesPageDoes() throws Exception {
        assertPicturesReproduceTheEngine(Target.PYTORCH, "import numpy, torch, PIL");
    }

    /** A picture with known samples, and the input the images page reads from it, worked out here from the samples. */
    private record Picture(String file, BufferedImage image, Tensor input, double top, boolean gray) {
    }

    private static BufferedImage picture(int type, int w, int h) {
        BufferedImage img = type == BufferedImage.TYPE_BYTE_INDEXED
                ? new BufferedImage(w, h, type, new IndexColorModel(8, 4, new byte[] {0, (byte) 200, 30, (byte) 255},
                        new byte[] {0, 10, (byte) 180, (byte) 255}, new byte[] {0, 90, 60, (byte) 255}))
                : new BufferedImage(w, h, type);
        var raster = img.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int b = 0; b < raster.getNumBands(); b++) {
                    int max = type == BufferedImage.TYPE_USHORT_GRAY ? 65535 : type == BufferedImage.TYPE_BYTE_INDEXED ? 3 : 255;
                    raster.setSample(x, y, b, (x * 37 + y * 11 + b * 101) * 997 % (max + 1));
                }
            }
        }
        return img;
    }

    /** Samples / largest * top, colour channels only, or BT.601 luma: what the page convolves. */
    private static Tensor expectedInput(BufferedImage img, double top, boolean gray) {
        int w = img.getWidth();
        int h = img.getHeight();
        boolean colour = img.getColorModel().getNumColorComponents() == 3;
        double largest = img.getType() == BufferedImage.TYPE_USHORT_GRAY ? 65535 : 255;
        int channels = colour && !gray ? 3 : 1;
        float[] v = new float[channels * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] s;
                if (colour) {
                    int rgb = img.getRGB(x, y);
                    s = new double[] {rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255};
                } else {
                    s = new double[] {img.getRaster().getSample(x, y, 0)};
                }
                if (colour && gray) {
                    s = new double[] {0.299 * s[0] + 0.587 * s[1] + 0.114 * s[2]};
                }
                for (int c = 0; c < channels; c++) {
                    v[(c * h + y) * w + x] = (float) (s[c] * top / largest);
                }
            }
        }
        return new Tensor(channels, h, w, v);
    }

    private void assertPicturesReproduceTheEngine(Target target, String imports) throws Exception {
        String python = interpreterFor(imports);
        Assumptions.assumeTrue(python != null, "no python3 here can '" + imports + "'");
        List<Picture> pictures = new ArrayList<>();
        int[][] kinds = {
            {BufferedImage.TYPE_3BYTE_BGR, 1, 0}, {BufferedImage.TYPE_3BYTE_BGR, 255, 1}, {BufferedImage.TYPE_4BYTE_ABGR, 1, 0},
            {BufferedImage.TYPE_BYTE_GRAY, 255, 0}, {BufferedImage.TYPE_USHORT_GRAY, 1, 0}, {BufferedImage.TYPE_BYTE_INDEXED, 1, 1},
        };
        for (int i = 0; i < kinds.length; i++) {
            BufferedImage img = picture(kinds[i][0], 9 + i, 7);
            String file = "picture " + i + ".png";
            ImageIO.write(img, "png", dir.resolve(file).toFile());
            // read back, so that the expectation is what the file holds (the palette picture is stored as its colours)
            BufferedImage stored = ImageIO.read(dir.resolve(file).toFile());
            pictures.add(new Picture(file, stored, expectedInput(stored, kinds[i][1], kinds[i][2] == 1), kinds[i][1], kinds[i][2] == 1));
        }
        List<String> scripts = new ArrayList<>();
        List<Tensor> expected = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        for (Picture p : pictures) {
            int c = p.input().channels();
            float[] w = new float[2 * c * 9];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) random.nextDouble(-1, 1);
            }
            Kernel k = new Kernel(2, c, 3, 3, w, null);
            Pipeline pipeline = new Pipeline(Convention.TENSORFLOW, List.of(new Conv2dLayer(k,
                    ConvSpec.DEFAULT.withPadding(Padding.SAME).withBorder(Border.REFLECT))));
            scripts.add(CodeExport.export(target, pipeline, p.input(), new PictureInput(p.file(), p.top(), p.gray())));
            expected.add(pipeline.run(p.input()).output());
        }
        List<List<Double>> printed = runScripts(python, scripts);
        for (int n = 0; n < scripts.size(); n++) {
            String label = target.id() + " " + pictures.get(n).file() + " (type " + pictures.get(n).image().getType() + ")";
            float[] e = expected.get(n).data();
            assertThat(printed.get(n)).as(label).hasSize(e.length);
            for (int i = 0; i < e.length; i++) {
                assertThat(printed.get(n).get(i)).as(label + ", value " + i).isCloseTo(e[i], within(1e-4 * Math.max(1, Math.abs(e[i]))));
            }
        }
    }

    static String interpreterFor(String imports) {
        for (String python : INTERPRETERS) {
            try {
                Process p = new ProcessBuilder(python, "-c", imports).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // not installed: try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private void assertEveryFixtureReproducesTheEngine(Target target, String imports) throws Exception {
        String python = interpreterFor(imports);
        Assumptions.assumeTrue(python != null, "no python3 here can '" + imports + "'");
        List<Pipeline> pipelines = new ArrayList<>();
        List<Tensor> inputs = new ArrayList<>();
        // the notebook's model (PyTorch has no pooling 'same')
        for (Convention c : new Convention[] {Convention.THEANO, Convention.TENSORFLOW, Convention.OPENCV, Convention.SCIPY}) {
            pipelines.add(ExportFixtures.notebook(c));
            inputs.add(ExportFixtures.impulse11());
        }
        // borders, groups, strides with dilation, average pooling, activations
        for (Convention c : Convention.values()) {
            pipelines.add(ExportFixtures.mixed(c));
            inputs.add(ExportFixtures.ramp(1, 7, 6));
        }
        // borders wider than the input, full padding, a flip
        pipelines.add(ExportFixtures.wideBorders());
        inputs.add(ExportFixtures.ramp(1, 3, 4));

        List<String> scripts = new ArrayList<>();
        for (int i = 0; i < pipelines.size(); i++) {
            scripts.add(CodeExport.export(target, pipelines.get(i), inputs.get(i)));
        }
        List<List<Double>> printed = runScripts(python, scripts);
        for (int n = 0; n < pipelines.size(); n++) {
            Tensor expected = pipelines.get(n).run(inputs.get(n)).output();
            String label = target.id() + " pipeline " + n + " under " + pipelines.get(n).convention().id();
            assertThat(printed.get(n)).as(label).hasSize(expected.data().length);
            for (int i = 0; i < expected.data().length; i++) {
                double e = expected.data()[i];
                // the frameworks sum in float32, the engine in double
                assertThat(printed.get(n).get(i)).as(label + ", value " + i).isCloseTo(e, within(1e-5 * Math.max(1, Math.abs(e))));
            }
        }
    }

    /** Runs every script in one process (importing the stacks is slow) and returns each one's printed values. */
    private List<List<Double>> runScripts(String python, List<String> sources) throws Exception {
        StringBuilder driver = new StringBuilder("import runpy\n");
        for (int i = 0; i < sources.size(); i++) {
            Path script = dir.resolve("export" + i + ".py");
            Files.writeString(script, sources.get(i), StandardCharsets.UTF_8);
            driver.append("runpy.run_path(").append('"').append(script.toString().replace("\\", "/")).append('"').append(")\n");
        }
        Path main = dir.resolve("driver.py");
        Files.writeString(main, driver.toString(), StandardCharsets.UTF_8);
        // run where the scripts are, as a reader runs one beside its downloaded picture
        Process p = new ProcessBuilder(python, main.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("python finished in time").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        // frameworks may log to the same stream: keep only our two lines per script
        List<String> lines = new ArrayList<>();
        String[] all = out.strip().split("\n");
        for (int i = 0; i < all.length; i++) {
            if (all[i].startsWith("shape (C, H, W):") && i + 1 < all.length) {
                lines.add(all[i + 1]);
            }
        }
        assertThat(lines).as(out).hasSize(sources.size());
        List<List<Double>> results = new ArrayList<>();
        for (String line : lines) {
            List<Double> values = new ArrayList<>();
            Matcher m = NUMBER.matcher(line);
            while (m.find()) {
                values.add(Double.parseDouble(m.group().replace("inf", "Infinity").replace("nan", "NaN")));
            }
            results.add(values);
        }
        return results;
    }
}

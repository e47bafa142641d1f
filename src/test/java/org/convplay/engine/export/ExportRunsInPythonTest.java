package org.convplay.engine.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convplay.engine.Convention;
import org.convplay.engine.Tensor;
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

    private static String interpreterFor(String imports) {
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
        Process p = new ProcessBuilder(python, main.toString()).redirectErrorStream(true).start();
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

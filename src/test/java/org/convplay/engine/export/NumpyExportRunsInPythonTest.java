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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the NumPy/SciPy export with python3 and compares what it prints with the engine. Skipped where
 * python3 with numpy and scipy is not installed.
 */
class NumpyExportRunsInPythonTest {

    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+\\.?\\d*(?:[eE][-+]?\\d+)?|inf|nan)");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPythonWithNumpyAndScipy() {
        boolean available;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy, scipy").redirectErrorStream(true).start();
            available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            available = false;
        }
        Assumptions.assumeTrue(available, "python3 with numpy and scipy is not installed");
    }

    /** Runs every script in one python3 process (importing SciPy is slow) and returns each one's printed values. */
    private List<List<Double>> runScripts(List<String> sources) throws Exception {
        StringBuilder driver = new StringBuilder("import runpy\n");
        for (int i = 0; i < sources.size(); i++) {
            Path script = dir.resolve("export" + i + ".py");
            Files.writeString(script, sources.get(i), StandardCharsets.UTF_8);
            driver.append("runpy.run_path(").append('"').append(script.toString().replace("\\", "/")).append('"').append(")\n");
        }
        Path main = dir.resolve("driver.py");
        Files.writeString(main, driver.toString(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("python3", main.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("python3 finished in time").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String[] lines = out.strip().split("\n");
        assertThat(lines).as(out).hasSize(2 * sources.size());
        List<List<Double>> results = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            assertThat(lines[2 * i]).startsWith("shape (C, H, W):");
            List<Double> values = new ArrayList<>();
            Matcher m = NUMBER.matcher(lines[2 * i + 1]);
            while (m.find()) {
                values.add(Double.parseDouble(m.group().replace("inf", "Infinity").replace("nan", "NaN")));
            }
            results.add(values);
        }
        return results;
    }

    @Test
    void theNumpyExportPrintsTheEnginesNumbers() throws Exception {
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
            scripts.add(CodeExport.export(Target.NUMPY, pipelines.get(i), inputs.get(i)));
        }
        List<List<Double>> printed = runScripts(scripts);
        for (int n = 0; n < pipelines.size(); n++) {
            Tensor expected = pipelines.get(n).run(inputs.get(n)).output();
            String label = "pipeline " + n + " under " + pipelines.get(n).convention().id();
            assertThat(printed.get(n)).as(label).hasSize(expected.data().length);
            for (int i = 0; i < expected.data().length; i++) {
                assertThat(printed.get(n).get(i)).as(label + ", value " + i).isCloseTo(expected.data()[i], within(1e-5));
            }
        }
    }
}

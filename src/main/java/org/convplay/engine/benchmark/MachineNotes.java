package org.convplay.engine.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convplay.engine.EngineChooser;
import org.convplay.engine.EngineRegistry;
import org.convplay.engine.benchmark.BenchmarkRunner.Machine;

/**
 * The report's "where it was measured": the machine, every engine's own {@link
 * org.convplay.engine.ConvolutionEngine#describe() describe()} line, the engines missing and why, and how a request
 * that names no backend picks its engine here.
 */
final class MachineNotes {

    private MachineNotes() {
    }

    /** Cores, CPU model, JVM, OS, and the engines found or missing here. */
    static Machine describe(EngineRegistry registry) {
        Runtime rt = Runtime.getRuntime();
        List<String> notes = new ArrayList<>();
        notes.add("engines: " + String.join(", ", registry.names()));
        for (EngineRegistry.Absent a : registry.absent()) {
            notes.add(a.name() + " unavailable: " + a.reason());
        }
        for (String name : registry.names()) {
            notes.add(registry.get(name).describe());
        }
        notes.addAll(calibrationNotes(registry.chooser()));
        String jvm = System.getProperty("java.vm.name") + " " + Runtime.version()
                + " (" + System.getProperty("java.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch");
        return new Machine(rt.availableProcessors(), cpuModel(), jvm, os, rt.maxMemory() >> 20, notes);
    }

    /**
     * How a request that names no backend finds its engine: the candidates, then, per calibrated size, the best
     * times measured and the engine chosen there (measured on the first call, a few seconds with an accelerator).
     */
    static List<String> calibrationNotes(EngineChooser chooser) {
        List<String> notes = new ArrayList<>();
        List<EngineChooser.Measurement> table = chooser.calibration();
        if (table.isEmpty()) {
            notes.add("automatic choice: " + chooser.fallback().name() + " for every request that names no backend"
                    + " (the only candidate)");
            return notes;
        }
        notes.add(String.format(Locale.ROOT, "automatic choice among %s, measured here (best run of each): %s"
                        + " unless another is %.1fx faster at the nearest calibrated size",
                String.join(", ", chooser.candidates()), chooser.fallback().name(), EngineChooser.MARGIN));
        for (EngineChooser.Measurement m : table) {
            notes.add("  " + m.point() + " -> " + m.chosen() + ": " + m.why());
        }
        return notes;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux, or not readable: fall through
        }
        return System.getProperty("os.arch");
    }
}

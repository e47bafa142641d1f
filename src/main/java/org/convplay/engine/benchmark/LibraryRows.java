package org.convplay.engine.benchmark;

import java.util.Arrays;
import java.util.List;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.NativeLibraryEngine;
import org.convplay.engine.Tensor;
import org.convplay.engine.benchmark.BenchmarkRunner.Request;
import org.convplay.engine.benchmark.BenchmarkRunner.Row;

/**
 * A native library as its own users see it, in two rows: its call alone on native data prepared once, output
 * reused (e.g. "opencv filter2D"), and the copies between Java and native memory that its engine adds around
 * that call ("opencv copies"). The engine's own row is the sum, as the playground pays it.
 */
final class LibraryRows {

    private LibraryRows() {
    }

    /** Runs counted for the progress of one library's rows: its warm-up, then a call and a copy per repeat. */
    static int runs(Request request) {
        return 2 * request.repeats() + BenchmarkRunner.WARMUP_RUNS;
    }

    /** The two rows, timed on {@code out}; one row saying why instead when the library cannot run this alone. */
    static List<Row> of(NativeLibraryEngine library, Tensor input, Kernel kernel, ConvSpec spec, Tensor out,
                        Truth truth, Request request, RunCounter counter) {
        NativeLibraryEngine.Prepared prepared;
        try {
            prepared = library.prepare(input, kernel, spec);
        } catch (UnsupportedOperationException | IllegalStateException x) {
            counter.advance(runs(request));
            return List.of(new Row(library.name() + " alone", null, null, null, 0,
                    "not timed alone: " + x.getMessage()));
        }
        try (prepared) {
            Arrays.fill(out.data(), Float.NaN);
            BenchmarkRunner.warmUp(prepared::compute, counter);
            prepared.copy(input, out.data());
            double error = truth.maxAbsError(out);
            double[] compute = new double[request.repeats()];
            double[] copies = new double[request.repeats()];
            for (int r = 0; r < request.repeats(); r++) {
                counter.check();
                long t0 = System.nanoTime();
                prepared.compute();
                compute[r] = (System.nanoTime() - t0) / 1e6;
                long t1 = System.nanoTime();
                prepared.copy(input, out.data());
                copies[r] = (System.nanoTime() - t1) / 1e6;
                counter.advance(2);
            }
            double library1 = BenchmarkRunner.median(compute);
            String call = prepared.call();
            return List.of(
                    new Row(library.name() + " " + call, library1, request.flops() / (library1 * 1e6), error,
                            compute.length, call + " alone, on native data prepared once, its output reused (as "
                            + library.name() + "'s own users call it); " + truth.note()),
                    new Row(library.name() + " copies", BenchmarkRunner.median(copies), null, null, copies.length,
                            "what the " + library.name() + " engine adds around " + call
                                    + ": the input copied into native memory and the result back"));
        }
    }
}

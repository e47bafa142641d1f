package org.convplay.engine.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.Tensor;

/** What the engines' outputs are compared with: the whole reference output, or reference values at sample points. */
record Truth(Tensor whole, int[] points, double[] values) {

    static Truth whole(Tensor reference) {
        return new Truth(reference, null, null);
    }

    static Truth sampled(Tensor input, Kernel kernel, ConvSpec spec, ConvGeometry.Plan plan) {
        int oh = plan.outHeight();
        int ow = plan.outWidth();
        SplittableRandom random = new SplittableRandom(BenchmarkRunner.SEED + 1);
        List<int[]> where = new ArrayList<>();
        for (int f = 0; f < kernel.filters(); f++) {
            // the corners are where padding is read: the likeliest place for an engine's bug
            where.add(new int[] {f, 0, 0});
            where.add(new int[] {f, 0, ow - 1});
            where.add(new int[] {f, oh - 1, 0});
            where.add(new int[] {f, oh - 1, ow - 1});
        }
        for (int i = 0; i < BenchmarkRunner.SAMPLE_POINTS; i++) {
            where.add(new int[] {random.nextInt(kernel.filters()), random.nextInt(oh), random.nextInt(ow)});
        }
        int[] points = new int[where.size()];
        double[] values = new double[where.size()];
        for (int i = 0; i < points.length; i++) {
            int[] p = where.get(i);
            points[i] = (p[0] * oh + p[1]) * ow + p[2];
            values[i] = ReferenceEngine.valueAt(input, kernel, spec, plan, p[0], p[1], p[2]);
        }
        return new Truth(null, points, values);
    }

    double maxAbsError(Tensor out) {
        float[] data = out.data();
        double max = 0;
        if (whole != null) {
            if (!Arrays.equals(out.shape(), whole.shape())) {
                return Double.POSITIVE_INFINITY;
            }
            float[] expected = whole.data();
            for (int i = 0; i < data.length; i++) {
                max = Math.max(max, Math.abs((double) data[i] - expected[i]));
            }
        } else {
            for (int i = 0; i < points.length; i++) {
                max = Math.max(max, Math.abs(data[points[i]] - values[i]));
            }
        }
        return max;
    }

    String note() {
        return whole != null ? "error over every output value"
                : "error over " + points.length + " sampled output values (reference too slow for all)";
    }
}

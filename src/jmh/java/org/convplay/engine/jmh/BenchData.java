package org.convplay.engine.jmh;

import java.util.SplittableRandom;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.Tensor;

/** Seeded data shared by the benchmarks: the same numbers on every run and every machine. */
final class BenchData {
    static final long SEED = 42L;
    /** A CNN layer's usual setting: {@code same} padding with zeros, stride 1. */
    static final ConvSpec SPEC = ConvSpec.DEFAULT.withPadding(Padding.SAME);

    private BenchData() {
    }

    static Tensor input(int channels, int size) {
        return new Tensor(channels, size, size, uniform(new SplittableRandom(SEED), channels * size * size));
    }

    static Kernel kernel(int filters, int channels, int k) {
        return new Kernel(filters, channels, k, k, uniform(new SplittableRandom(SEED + 1), filters * channels * k * k),
                uniform(new SplittableRandom(SEED + 2), filters));
    }

    static float[] uniform(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }
}

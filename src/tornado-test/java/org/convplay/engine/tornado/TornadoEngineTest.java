package org.convplay.engine.tornado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.convplay.engine.Border;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.ConvolutionEngine;
import org.convplay.engine.EngineRegistry;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * What the contract test cannot see: that under the tornado profile the engine really loads (a failing self-test
 * would only turn it into an absent entry, and the contract would pass on the other engines), that it says which
 * device it runs on, and that its plans are cached and closed. Compiled and run only by the tornado profile,
 * in a JVM started with TornadoVM's argfile.
 */
class TornadoEngineTest {

    @Test
    void theRegistryFindsTheTornadoEngineAndChoosesBetweenItAndCpuByMeasurement() {
        EngineRegistry registry = EngineRegistry.shared();
        String why = registry.absent().stream().filter(a -> a.name().equals(TornadoEngine.NAME))
                .map(EngineRegistry.Absent::reason).findFirst().orElse("");
        assertTrue(registry.has(TornadoEngine.NAME), "the tornado engine did not load: " + why);
        assertEquals(TornadoEngine.NAME, registry.names().get(0));
        assertEquals(java.util.List.of(TornadoEngine.NAME, "cpu"), registry.chooser().candidates());
        assertEquals(5, registry.chooser().calibration().size());
    }

    @Test
    void itNamesItsDeviceAndRefusesToFallBackToJava() {
        TornadoEngine engine = (TornadoEngine) EngineRegistry.shared().get(TornadoEngine.NAME);
        assertNotNull(engine.deviceName());
        assertTrue(engine.describe().contains(engine.deviceName()), engine.describe());
        assertEquals("false", System.getProperty(TornadoEngine.BAILOUT_PROPERTY));
    }

    @Test
    void planesTakeTheTiledKernelAndManyChannelLayersWinograd() {
        ConvSpec same = ConvSpec.DEFAULT.withPadding(Padding.SAME);
        assertEquals(KernelPath.TILED, path(1, 1, 1024, 3, same));
        assertEquals(KernelPath.TILED, path(1, 1, 2048, 5, same));
        assertEquals(KernelPath.WINOGRAD, path(64, 64, 56, 3, same));
        // below 8 channels per group the transforms cost more than they save; a stride or a dilation rules it out
        assertEquals(KernelPath.TILED, path(16, 16, 28, 3, same.withGroups(4)));
        assertEquals(KernelPath.TILED, path(64, 64, 56, 3, same.withStride(2, 2)));
        assertEquals(KernelPath.TILED, path(64, 64, 56, 3, same.withDilation(2, 2)));
        // a window wider than local memory holds: the direct kernel
        assertEquals(KernelPath.DIRECT, path(1, 1, 256, 31, same));
    }

    /** The path the registry's engine takes for {@code channels} x n x n through {@code filters} of k x k. */
    private static KernelPath path(int channels, int filters, int n, int k, ConvSpec spec) {
        TornadoEngine engine = (TornadoEngine) EngineRegistry.shared().get(TornadoEngine.NAME);
        int perGroup = channels / spec.groups();
        Kernel kernel = new Kernel(filters, perGroup, k, k, new float[filters * perGroup * k * k], null);
        return engine.pathFor(new Tensor(channels, n, n), kernel, spec);
    }

    @Test
    void anUnknownDeviceIsAnErrorThatListsTheDevices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TornadoEngine.chooseDevice("no such device"));
        assertTrue(e.getMessage().contains("devices: "), e.getMessage());
    }

    @Test
    void plansAreReusedPerShapeAndEvictedBeyondTheLimit() {
        try (TornadoEngine engine = new TornadoEngine()) {
            ConvolutionEngine reference = new ReferenceEngine();
            SplittableRandom random = new SplittableRandom(7);
            Kernel kernel = new Kernel(2, 1, 3, 3, values(random, 18), new float[] {0.5f, -1});
            ConvSpec spec = ConvSpec.DEFAULT.withPadding(Padding.SAME).withBorder(Border.WRAP);
            for (int n = 0; n < 3; n++) {
                Tensor input = new Tensor(1, 9, 7, values(random, 63));
                Tensor actual = engine.convolve(input, kernel, spec.withFlip(n % 2 == 0));
                float[] expected = reference.convolve(input, kernel, spec.withFlip(n % 2 == 0)).data();
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual.data()[i], 1e-5, "value " + i);
                }
            }
            assertEquals(1, engine.cachedPlans(), "one shape, flip or not, is one plan");
            for (int width = 8; width < 8 + TornadoEngine.MAX_PLANS + 2; width++) {
                engine.convolve(new Tensor(1, 4, width, values(random, 4 * width)), kernel, spec);
            }
            assertEquals(TornadoEngine.MAX_PLANS, engine.cachedPlans());
        }
    }

    private static float[] values(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return v;
    }
}

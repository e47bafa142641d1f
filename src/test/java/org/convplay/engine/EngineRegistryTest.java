package org.convplay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineRegistryTest {

    /** An engine that is never run here: only loading it matters. */
    abstract static class NeverRun implements ConvolutionEngine {
        @Override
        public String name() {
            return "gpu";
        }

        @Override
        public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Tensor convolve(Tensor input, Kernel kernel, ConvSpec spec, Tensor out) {
            throw new UnsupportedOperationException();
        }
    }

    /** An optional engine whose runtime is missing: its class initialiser fails, as TornadoVM's does without OpenCL. */
    public static final class NoPlatformEngine extends NeverRun {
        static {
            if (Boolean.parseBoolean("true")) {
                throw new IllegalStateException("no OpenCL platform found");
            }
        }
    }

    /** An optional engine whose constructor refuses with a reason. */
    public static final class RefusingEngine extends NeverRun {
        public RefusingEngine() {
            throw new UnsupportedOperationException("device self-test gave wrong numbers");
        }
    }

    @Test
    void anEngineWhoseClassCannotInitialiseIsAbsentWithTheInnermostReason() {
        List<ConvolutionEngine> found = new ArrayList<>();
        List<EngineRegistry.Absent> missing = new ArrayList<>();

        EngineRegistry.load("gpu", NoPlatformEngine.class.getName(), found, missing);

        assertThat(found).isEmpty();
        assertThat(missing).containsExactly(
                new EngineRegistry.Absent("gpu", "IllegalStateException: no OpenCL platform found"));
    }

    @Test
    void aConstructorsRefusalIsReportedWithoutTheReflectionWrapper() {
        List<ConvolutionEngine> found = new ArrayList<>();
        List<EngineRegistry.Absent> missing = new ArrayList<>();

        EngineRegistry.load("gpu", RefusingEngine.class.getName(), found, missing);

        assertThat(missing).extracting(EngineRegistry.Absent::reason)
                .containsExactly("UnsupportedOperationException: device self-test gave wrong numbers");
    }

    @Test
    void aMissingClassSaysItWasNotBuiltIn() {
        List<EngineRegistry.Absent> missing = new ArrayList<>();

        EngineRegistry.load("gpu", "org.convplay.engine.NoSuchEngine", new ArrayList<>(), missing);

        assertThat(missing.get(0).reason()).contains("not built into this application");
    }

    @Test
    void aCauseWithoutAMessageBorrowsTheNearestEnclosingOne() {
        Throwable wrapped = new InvocationTargetException(
                new IllegalStateException("device lost", new NullPointerException()));

        assertThat(EngineRegistry.reason(wrapped)).isEqualTo("NullPointerException: device lost");
    }

    @Test
    void suppressedFailuresAreNamedAfterTheMainOne() {
        RuntimeException kernelFailed = new RuntimeException("kernel failed to run");
        kernelFailed.addSuppressed(new InternalError("could not free device buffer"));

        assertThat(EngineRegistry.reason(kernelFailed))
                .isEqualTo("RuntimeException: kernel failed to run (also: InternalError: could not free device buffer)");
    }
}

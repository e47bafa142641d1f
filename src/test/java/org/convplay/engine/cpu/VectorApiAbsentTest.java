package org.convplay.engine.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.EngineContractTest;
import org.convplay.engine.Kernel;
import org.convplay.engine.Padding;
import org.convplay.engine.ReferenceEngine;
import org.convplay.engine.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A JVM started without {@code --add-modules jdk.incubator.vector} (as {@code java -jar} starts one) cannot load
 * {@link WinogradVectorSum}, and one without the C2 compiler (spring-boot:run's default -XX:TieredStopAtLevel=1) would
 * run it as objects, hundreds of times slower: in both the engine must pick the loops and still give the reference's
 * numbers. The tests' own JVM has the module and C2, so this starts second ones.
 */
class VectorApiAbsentTest {

    @Test
    void withoutTheModuleALayerRunsWinogradWithLoopsAndMatchesTheReference() throws Exception {
        String output = probe();
        assertThat(output).contains("vector api: false", "strategy: WINOGRAD\n", "matches the reference: true",
                "no Vector API: 3x3 layers run slower");
    }

    @Test
    void withTheModuleButWithoutC2TheLoopsRunToo() throws Exception {
        String output = probe("--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1");
        assertThat(output).contains("vector api: false", "strategy: WINOGRAD\n", "matches the reference: true",
                "no C2 compiler");
    }

    /** The probe's output in a JVM started with these options and the tests' class path. */
    private static String probe(String... options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** Runs in the second JVM: a 16 -> 8 channel 3x3 layer, which goes to Winograd. */
    public static final class Probe {
        public static void main(String[] args) {
            SplittableRandom random = new SplittableRandom(5);
            Tensor input = new Tensor(16, 20, 17, EngineContractTest.uniform(random, 16 * 20 * 17));
            Kernel kernel = new Kernel(8, 16, 3, 3, EngineContractTest.uniform(random, 8 * 16 * 9),
                    EngineContractTest.uniform(random, 8));
            ConvSpec spec = ConvSpec.DEFAULT.withPadding(Padding.SAME);
            ConvGeometry.Plan plan = ConvGeometry.check(input, kernel, spec);
            System.out.println("vector api: " + WinogradF23.VECTOR_API);
            System.out.println("strategy: " + FastCpuEngine.choose(input, kernel, spec, plan));
            System.out.println(new FastCpuEngine().describe());
            Tensor actual = new FastCpuEngine().convolve(input, kernel, spec);
            String problem = EngineContractTest.compare(new ReferenceEngine().convolve(input, kernel, spec), actual,
                    new EngineContractTest.Case(input, kernel, spec).magnitude(new ReferenceEngine()));
            System.out.println("matches the reference: " + (problem == null) + (problem == null ? "" : " (" + problem + ")"));
        }
    }
}

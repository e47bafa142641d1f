package org.convplay.convolve;

import org.convplay.engine.EngineRegistry;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engines this JVM can run (cpu, OpenCV, TornadoVM where present, reference), found once at start-up. */
@Configuration
class EngineConfig {

    @Bean
    EngineRegistry engineRegistry() {
        return EngineRegistry.shared();
    }

    @Bean
    BenchmarkRunner benchmarkRunner(EngineRegistry registry) {
        return new BenchmarkRunner(registry);
    }
}

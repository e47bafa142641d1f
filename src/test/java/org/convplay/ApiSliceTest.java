package org.convplay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.convplay.benchmark.BenchmarkService;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.EngineRegistry;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.convplay.limits.ComputeGate;
import org.convplay.limits.LimitsProperties;
import org.convplay.limits.RateLimits;
import org.convplay.limits.Refusals;
import org.convplay.pipeline.PipelineService;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The compute API's HTTP contract without the rest of the application: the convolve, pipeline and benchmark
 * controllers with their real services and engines, Spring MVC's JSON and our error handlers; no database, no Vaadin,
 * no security or limit filters (those are the full application's, {@link AppTest}). For status codes, {@code {"error"}}
 * bodies and field names. The controllers are fixed here, not per class, so that every such test shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// every controller but those of the features with a database (their classes are package-private, so named by package)
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "org\\.convplay\\.(experiment|exercise|classroom)\\.api\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import(ApiSliceTest.Services.class)
public @interface ApiSliceTest {

    /** The services behind the controllers, and what the slice's scanned filters and error handlers need. */
    @TestConfiguration(proxyBeanMethods = false)
    @Import({ConvolutionService.class, PipelineService.class, BenchmarkService.class, ComputeGate.class, RateLimits.class,
        Refusals.class, LimitsProperties.class})
    class Services {

        @Bean
        EngineRegistry engineRegistry() {
            return EngineRegistry.shared();
        }

        @Bean
        BenchmarkRunner benchmarkRunner(EngineRegistry engines) {
            return new BenchmarkRunner(engines);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}

package org.convplay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.convplay.benchmark.BenchmarkService;
import org.convplay.convolve.ConvolutionService;
import org.convplay.limits.ComputeGate;
import org.convplay.limits.LimitsProperties;
import org.convplay.limits.RateLimits;
import org.convplay.limits.Refusals;
import org.convplay.pipeline.PipelineService;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;

/**
 * The compute API's HTTP contract without the rest of the application: the convolve, pipeline and benchmark
 * controllers with their real services and engines, Spring MVC's JSON and our error handlers; no database, no Vaadin,
 * no security or limit filters (those are the full application's, {@link AppTest}). For status codes, {@code {"error"}}
 * bodies and field names. The controllers are fixed here, not per class, so that every such test shares one context;
 * the features' classes are package-private, so they are named by package and by pattern (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest(
        // every controller but those of the features with a database
        excludeFilters = @Filter(type = FilterType.REGEX, pattern = "org\\.convplay\\.(experiment|exercise|classroom)\\.api\\..*"),
        // the services behind the controllers, the engines, and what the slice's filters and error handlers need
        includeFilters = {
            @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {ConvolutionService.class, PipelineService.class,
                BenchmarkService.class, ComputeGate.class, RateLimits.class, Refusals.class, LimitsProperties.class}),
            @Filter(type = FilterType.REGEX, pattern = "org\\.convplay\\.convolve\\.EngineConfig")})
@ImportAutoConfiguration({MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class})
@AutoConfigureMockMvc(addFilters = false)
public @interface ApiSliceTest {
}

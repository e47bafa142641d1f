package org.convplay.benchmark.ui;

import org.convplay.benchmark.BenchmarkService;
import org.convplay.experiment.ui.ExperimentPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How a saved benchmark opens at its permalink. */
@Configuration
class BenchmarkPages {

    /** With the rows it measured; nothing is timed again until the student runs it. */
    @Bean
    ExperimentPage benchmarkPage(BenchmarkService benchmarks) {
        return ExperimentPage.of("benchmark", (experiment, body, into) -> {
            BenchmarkView view = new BenchmarkView(benchmarks);
            into.add(view);
            view.load(body.get("request"));
            return view;
        });
    }
}

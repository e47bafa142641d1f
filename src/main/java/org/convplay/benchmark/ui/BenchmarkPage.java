package org.convplay.benchmark.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import org.convplay.benchmark.BenchmarkService;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ui.ExperimentPage;

/** A saved benchmark shows the rows it measured; nothing is timed again until the student runs it. */
@org.springframework.stereotype.Component
class BenchmarkPage implements ExperimentPage {

    private final BenchmarkService benchmarks;

    BenchmarkPage(BenchmarkService benchmarks) {
        this.benchmarks = benchmarks;
    }

    @Override
    public String kind() {
        return "benchmark";
    }

    @Override
    public Component restore(Experiment experiment, JsonNode body, HasComponents into) {
        BenchmarkView view = new BenchmarkView(benchmarks);
        into.add(view);
        view.load(body.get("request"));
        return view;
    }
}

package org.convplay.benchmark.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convplay.benchmark.BenchmarkExperiment;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.convplay.exercise.ui.TaskBar;

/**
 * The benchmark page as a practical's task bar sees it: the last run's form, rows and machine, as a saved
 * benchmark experiment holds them (measured here, on the server, so the student cannot type them).
 */
final class BenchmarkTaskPage implements TaskBar.Page {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BenchmarkView view;

    BenchmarkTaskPage(BenchmarkView view) {
        this.view = view;
    }

    @Override
    public String kind() {
        return "benchmark";
    }

    @Override
    public ObjectNode state() {
        BenchmarkRunner.Report last = view.lastReport;
        ObjectNode state = JSON.createObjectNode();
        if (last == null) {
            // nothing run yet: the form's values, and no rows for the grader to read
            state.putObject("request").put("size", view.size.getValue() == null ? 0 : view.size.getValue())
                    .put("kernel", view.kernel.getValue() == null ? 0 : view.kernel.getValue()).putArray("results");
        } else {
            state.set("request", BenchmarkExperiment.write(last));
        }
        return state;
    }

    @Override
    public void describe(ObjectNode answer) {
        answer.set("results", state().get("request").get("results"));
    }
}

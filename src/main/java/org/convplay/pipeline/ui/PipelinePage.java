package org.convplay.pipeline.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import org.convplay.experiment.ExperimentService;
import org.convplay.pipeline.PipelineService;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ui.ExperimentPage;

/** A saved pipeline opens with its layers and input. */
@org.springframework.stereotype.Component
class PipelinePage implements ExperimentPage {

    private final PipelineService pipelines;
    private final ExperimentService experiments;

    PipelinePage(PipelineService pipelines, ExperimentService experiments) {
        this.pipelines = pipelines;
        this.experiments = experiments;
    }

    @Override
    public String kind() {
        return "pipeline";
    }

    @Override
    public Component restore(Experiment experiment, JsonNode body, HasComponents into) {
        PipelineView view = new PipelineView(pipelines, experiments);
        into.add(view);
        view.load(body.get("request"), experiment);
        return view;
    }
}

package org.convplay.pipeline.ui;

import org.convplay.experiment.ExperimentService;
import org.convplay.pipeline.PipelineService;
import org.convplay.experiment.ui.ExperimentPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How a saved pipeline opens at its permalink. */
@Configuration
class PipelinePages {

    /** With its layers and input. */
    @Bean
    ExperimentPage pipelinePage(PipelineService pipelines, ExperimentService experiments) {
        return ExperimentPage.of("pipeline", (experiment, body, into) -> {
            PipelineView view = new PipelineView(pipelines, experiments);
            into.add(view);
            view.load(body.get("request"), experiment);
            return view;
        });
    }
}

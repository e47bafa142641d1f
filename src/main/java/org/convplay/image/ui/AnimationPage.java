package org.convplay.image.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import org.convplay.experiment.ExperimentService;
import org.convplay.image.SlidingWindowService;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ui.ExperimentPage;

/** A saved sliding window opens at the step it was saved at. */
@org.springframework.stereotype.Component
class AnimationPage implements ExperimentPage {

    private final SlidingWindowService windows;
    private final ExperimentService experiments;

    AnimationPage(SlidingWindowService windows, ExperimentService experiments) {
        this.windows = windows;
        this.experiments = experiments;
    }

    @Override
    public String kind() {
        return "animation";
    }

    @Override
    public Component restore(Experiment experiment, JsonNode body, HasComponents into) {
        AnimationView view = new AnimationView(windows, experiments);
        into.add(view);
        view.load(body.get("request"), experiment);
        return view;
    }
}

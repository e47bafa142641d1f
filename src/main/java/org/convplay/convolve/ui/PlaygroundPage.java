package org.convplay.convolve.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import org.convplay.convolve.ConvolutionService;
import org.convplay.experiment.ExperimentService;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ui.ExperimentPage;

/** A saved playground opens in the playground, its save bar forking it. */
@org.springframework.stereotype.Component
class PlaygroundPage implements ExperimentPage {

    private final ConvolutionService convolutions;
    private final ExperimentService experiments;

    PlaygroundPage(ConvolutionService convolutions, ExperimentService experiments) {
        this.convolutions = convolutions;
        this.experiments = experiments;
    }

    @Override
    public String kind() {
        return "playground";
    }

    @Override
    public Component restore(Experiment experiment, JsonNode body, HasComponents into) {
        PlaygroundView view = new PlaygroundView(convolutions, experiments);
        into.add(view);
        view.load(body.get("request"), experiment);
        return view;
    }
}

package org.convplay.image.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import org.convplay.experiment.ExperimentService;
import org.convplay.image.ImageConvolutionService;
import org.convplay.image.ImageExperiment;
import org.convplay.image.ImageStore;
import org.convplay.image.SlidingWindowService;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ui.ExperimentPage;

/** A saved images page opens with its stored picture, filters and view; no task bar: it is nobody's practical. */
@org.springframework.stereotype.Component
class ImagesPage implements ExperimentPage {

    private final ImageConvolutionService images;
    private final SlidingWindowService windows;
    private final ExperimentService experiments;
    private final ImageStore store;

    ImagesPage(ImageConvolutionService images, SlidingWindowService windows, ExperimentService experiments, ImageStore store) {
        this.images = images;
        this.windows = windows;
        this.experiments = experiments;
        this.store = store;
    }

    @Override
    public String kind() {
        return "images";
    }

    @Override
    public Component restore(Experiment experiment, JsonNode body, HasComponents into) {
        ImageView view = new ImageView(images, windows, experiments, null);
        into.add(view);
        JsonNode request = body.get("request");
        view.load(request, body.get("view"), store.file(ImageExperiment.read(request).sha256()), experiment);
        return view;
    }
}

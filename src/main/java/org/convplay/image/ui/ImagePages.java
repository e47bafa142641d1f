package org.convplay.image.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.convplay.experiment.ExperimentService;
import org.convplay.image.ImageConvolutionService;
import org.convplay.image.ImageExperiment;
import org.convplay.image.ImageStore;
import org.convplay.image.SlidingWindowService;
import org.convplay.experiment.ui.ExperimentPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How saved sliding windows and images pages open at their permalinks. */
@Configuration
class ImagePages {

    /** At the step it was saved at. */
    @Bean
    ExperimentPage animationPage(SlidingWindowService windows, ExperimentService experiments) {
        return ExperimentPage.of("animation", (experiment, body, into) -> {
            AnimationView view = new AnimationView(windows, experiments);
            into.add(view);
            view.load(body.get("request"), experiment);
            return view;
        });
    }

    /** With its stored picture, filters and view; no task bar: it is nobody's practical. */
    @Bean
    ExperimentPage imagesPage(ImageConvolutionService images, SlidingWindowService windows, ExperimentService experiments,
                              ImageStore store) {
        return ExperimentPage.of("images", (experiment, body, into) -> {
            ImageView view = new ImageView(images, windows, experiments, null);
            into.add(view);
            JsonNode request = body.get("request");
            view.load(request, body.get("view"), store.file(ImageExperiment.read(request).sha256()), experiment);
            return view;
        });
    }
}

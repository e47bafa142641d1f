package org.convplay.convolve.ui;

import org.convplay.convolve.ConvolutionService;
import org.convplay.experiment.ExperimentService;
import org.convplay.experiment.ui.ExperimentPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How a saved playground opens at its permalink. */
@Configuration
class PlaygroundPages {

    /** In the playground, its save bar forking it. */
    @Bean
    ExperimentPage playgroundPage(ConvolutionService convolutions, ExperimentService experiments) {
        return ExperimentPage.of("playground", (experiment, body, into) -> {
            PlaygroundView view = new PlaygroundView(convolutions, experiments);
            into.add(view);
            view.load(body.get("request"), experiment);
            return view;
        });
    }
}

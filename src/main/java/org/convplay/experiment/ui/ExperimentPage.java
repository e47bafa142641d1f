package org.convplay.experiment.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import org.convplay.experiment.Experiment;

/** How a feature's page opens one of its saved experiments at the permalink; each feature registers one per kind. */
public interface ExperimentPage {

    /** The kind it opens, as {@code ExperimentKind.id()}. */
    String kind();

    /**
     * Adds the feature's page to {@code into}, restored to the saved state {@code body} ({@code {"request": ..., "view": ...}}),
     * and returns it.
     */
    Component restore(Experiment experiment, JsonNode body, HasComponents into);

    /** How a page is restored, for {@link #of}. */
    @FunctionalInterface
    interface Restorer {
        Component restore(Experiment experiment, JsonNode body, HasComponents into);
    }

    /** The page of {@code kind}, restored as {@code restorer} does: a feature registers it as a bean. */
    static ExperimentPage of(String kind, Restorer restorer) {
        return new ExperimentPage() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Component restore(Experiment experiment, JsonNode body, HasComponents into) {
                return restorer.restore(experiment, body, into);
            }
        };
    }
}

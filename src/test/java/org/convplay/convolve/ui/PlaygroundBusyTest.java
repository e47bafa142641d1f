package org.convplay.convolve.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convplay.ui.ById.*;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.EngineRegistry;
import org.convplay.limits.ComputeGate;
import org.convplay.limits.TestGates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the server has no place for the playground's work, the page says so and when to try again, in both languages. */
class PlaygroundBusyTest {

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void aFullGateGivesBusyTryAgainInsteadOfAResult() {
        ComputeGate gate = TestGates.of(1, 0, 100);
        MockVaadin.setup();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        PlaygroundView view = new PlaygroundView(new ConvolutionService(EngineRegistry.shared(), gate));
        UI.getCurrent().add(view);
        assertThat(shown(view, "result")).isTrue();

        try (ComputeGate.Ticket taken = gate.admitDetached(1, 0)) {
            matrix(view, "kernel").edit(1, 1, "3");
            assertThat(text(view, "error")).matches("The server is busy; try again in \\d+ s\\.");
            assertThat(shown(view, "result")).isFalse();
            UI.getCurrent().setLocale(Locale.forLanguageTag("pt-BR"));
            matrix(view, "kernel").edit(1, 1, "2");
            assertThat(text(view, "error")).matches("O servidor está ocupado; tente de novo em \\d+ s\\.");
        }
        matrix(view, "kernel").edit(1, 1, "3");
        assertThat(text(view, "error")).isEmpty();
        assertThat(matrix(view, "result").getCells()[0]).containsExactly("6", "5", "6");
    }
}

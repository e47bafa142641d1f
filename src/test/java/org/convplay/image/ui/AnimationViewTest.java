package org.convplay.image.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.Border;
import org.convplay.image.SlidingWindowService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The animation page's controls reach the sliding window (Karibu-Testing; the animation itself is in AnimationIT). */
class AnimationViewTest {

    AnimationView view;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        view = new AnimationView(new SlidingWindowService(new ConvolutionService()));
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theNotebooksFigureIsShownFirst() {
        assertThat(view.window.plan().output()).isDeepEqualTo(new double[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}});
        assertThat(view.window.getElement().getProperty("fill")).isEqualTo("zero");
        assertThat(view.window.getElement().getPropertyRaw("labels").toString()).contains("Play");
    }

    @Test
    void samePaddingWithReplicateShowsPaddingCellsHoldingTheEdge() {
        view.padding.setValue("same");
        view.border.setValue(Border.REPLICATE);
        assertThat(view.window.plan().pads()).containsExactly(1, 1, 1, 1);
        assertThat(view.window.plan().grid()[0]).containsExactly(1, 1, 1, 1, 0, 0, 0);
        assertThat(view.window.plan().output().length).isEqualTo(5);
    }

    @Test
    void aKernelLargerThanTheInputIsExplainedAndTheWindowHidden() {
        view.kernel.paste("[[1,1,1,1,1,1],[1,1,1,1,1,1]]");
        assertThat(view.error.getText()).contains("width of the kernel (6) is larger than the padded input");
        assertThat(view.window.isVisible()).isFalse();
        view.padding.setValue("full");
        assertThat(view.error.getText()).isEmpty();
        assertThat(view.window.isVisible()).isTrue();
    }

    @Test
    void portugueseLabelsReachTheAnimation() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("pt-BR"));
        assertThat(view.window.getElement().getPropertyRaw("labels").toString()).contains("Reproduzir");
    }
}

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

    @Test
    void aSavedStateRestoresTheSameFigureInAFreshPage() {
        view.input.paste("[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]");
        view.kernel.paste("[[1, 0], [0, -1]]");
        view.padding.setValue("full");
        view.border.setValue(Border.WRAP);
        view.stride.setValue(2);
        view.dilation.setValue(2);
        view.flip.setValue(true);
        var saved = view.window.plan();
        var body = view.toJson();
        assertThat(body.get("request").get("layers").get(0).get("border").asText()).isEqualTo("wrap");

        AnimationView fresh = new AnimationView(new SlidingWindowService(new ConvolutionService()));
        UI.getCurrent().add(fresh);
        fresh.load(body.get("request"), null);
        assertThat(fresh.input.getValue()).isDeepEqualTo(view.input.getValue());
        assertThat(fresh.kernel.getValue()).isDeepEqualTo(view.kernel.getValue());
        assertThat(fresh.padding.getValue()).isEqualTo("full");
        assertThat(fresh.dilation.getValue()).isEqualTo(2);
        assertThat(fresh.flip.getValue()).isTrue();
        assertThat(fresh.window.plan().grid()).isDeepEqualTo(saved.grid());
        assertThat(fresh.window.plan().output()).isDeepEqualTo(saved.output());
        assertThat(fresh.toJson()).isEqualTo(body);
    }
}

package org.convplay.image.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convplay.ui.ById.*;

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

    static SlidingWindow window(AnimationView page) {
        return get(page, SlidingWindow.class, "window");
    }

    @Test
    void theNotebooksFigureIsShownFirst() {
        assertThat(window(view).plan().output()).isDeepEqualTo(new double[][] {{4, 3, 4}, {2, 4, 3}, {2, 3, 4}});
        assertThat(window(view).getElement().getProperty("fill")).isEqualTo("zero");
        assertThat(window(view).getElement().getPropertyRaw("labels").toString()).contains("Play");
    }

    @Test
    void samePaddingWithReplicateShowsPaddingCellsHoldingTheEdge() {
        select(view, "padding").setValue("same");
        select(view, "border").setValue(Border.REPLICATE);
        assertThat(window(view).plan().pads()).containsExactly(1, 1, 1, 1);
        assertThat(window(view).plan().grid()[0]).containsExactly(1, 1, 1, 1, 0, 0, 0);
        assertThat(window(view).plan().output().length).isEqualTo(5);
    }

    @Test
    void aKernelLargerThanTheInputIsExplainedAndTheWindowHidden() {
        matrix(view, "kernel").paste("[[1,1,1,1,1,1],[1,1,1,1,1,1]]");
        assertThat(text(view, "error")).contains("width of the kernel (6) is larger than the padded input");
        assertThat(shown(view, "window")).isFalse();
        select(view, "padding").setValue("full");
        assertThat(text(view, "error")).isEmpty();
        assertThat(shown(view, "window")).isTrue();
    }

    @Test
    void portugueseLabelsReachTheAnimation() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("pt-BR"));
        assertThat(window(view).getElement().getPropertyRaw("labels").toString()).contains("Reproduzir");
    }

    @Test
    void aSavedStateRestoresTheSameFigureInAFreshPage() {
        matrix(view, "input").paste("[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]");
        matrix(view, "kernel").paste("[[1, 0], [0, -1]]");
        select(view, "padding").setValue("full");
        select(view, "border").setValue(Border.WRAP);
        integer(view, "stride").setValue(2);
        integer(view, "dilation").setValue(2);
        checkbox(view, "flip").setValue(true);
        var saved = window(view).plan();
        var body = view.toJson();
        assertThat(body.get("request").get("layers").get(0).get("border").asText()).isEqualTo("wrap");

        AnimationView fresh = new AnimationView(new SlidingWindowService(new ConvolutionService()));
        UI.getCurrent().add(fresh);
        fresh.load(body.get("request"), null);
        assertThat(matrix(fresh, "input").getValue()).isDeepEqualTo(matrix(view, "input").getValue());
        assertThat(matrix(fresh, "kernel").getValue()).isDeepEqualTo(matrix(view, "kernel").getValue());
        assertThat(select(fresh, "padding").getValue()).isEqualTo("full");
        assertThat(integer(fresh, "dilation").getValue()).isEqualTo(2);
        assertThat(checkbox(fresh, "flip").getValue()).isTrue();
        assertThat(window(fresh).plan().grid()).isDeepEqualTo(saved.grid());
        assertThat(window(fresh).plan().output()).isDeepEqualTo(saved.output());
        assertThat(fresh.toJson()).isEqualTo(body);
    }
}

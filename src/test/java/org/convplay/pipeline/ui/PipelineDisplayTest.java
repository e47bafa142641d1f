package org.convplay.pipeline.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convplay.ui.ById.*;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Locale;
import org.convplay.convolve.ConvolutionService;
import org.convplay.ui.MatrixEditor;
import org.convplay.pipeline.PipelineService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the pipeline page shows layers: named icon buttons, per-channel heatmaps, the (y*256) integer view. */
class PipelineDisplayTest {

    PipelineView view;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        view = new PipelineView(new PipelineService(new ConvolutionService()));
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    MatrixEditor firstChannel(int layer) {
        return (MatrixEditor) get(view, Div.class, "layer-" + (layer + 1) + "-outputs").getChildren().findFirst().orElseThrow();
    }

    List<LayerEditor> layers() {
        return _find(view, LayerEditor.class);
    }

    @Test
    void theArrowAndDeleteButtonsHaveNames() {
        select(view, "new-layer-type").setValue("relu");
        get(view, Button.class, "add-layer").click();
        assertThat(layers()).hasSize(3);
        for (int i = 1; i <= 3; i++) {
            assertThat(get(view, Button.class, "layer-" + i + "-up").getAriaLabel()).contains("Move layer up");
            assertThat(get(view, Button.class, "layer-" + i + "-down").getAriaLabel()).contains("Move layer down");
            assertThat(get(view, Button.class, "layer-" + i + "-remove").getAriaLabel()).contains("Delete layer");
        }
    }

    @Test
    void eachChannelIsAColouredHeatmapWithItsShape() {
        MatrixEditor m = firstChannel(0);
        assertThat(m.isColoured()).isTrue();
        assertThat(m.getElement().getProperty("caption")).isEqualTo("Channel 0: 11 x 11");
        assertThat(m.getElement().getProperty("picture", true)).isFalse();
        checkbox(view, "colours").setValue(false);
        assertThat(firstChannel(0).isColoured()).isFalse();
    }

    @Test
    void aLargeOutputIsDrawnAsAPicture() {
        matrix(view, "pipeline-input").paste("[" + "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19],".repeat(19)
                + "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]]");
        assertThat(firstChannel(0).getElement().getProperty("picture", false)).isTrue();
        assertThat(firstChannel(0).getElement().getProperty("caption")).isEqualTo("Channel 0: 20 x 20");
    }

    @Test
    void theIntegerViewShowsRoundYTimes256AndKeepsTheExactValue() {
        String before = firstChannel(0).getCells()[4][4];
        double exact = firstChannel(0).getValue()[4][4];
        assertThat(before).contains(".");
        checkbox(view, "pipeline-integers").setValue(true);
        assertThat(firstChannel(0).getCells()[4][4]).isEqualTo(Long.toString(Math.round(exact * 256)));
        assertThat(firstChannel(0).getCells()[3][3]).isEqualTo("0");
        // hover and copying still give the layer's own value
        assertThat(firstChannel(0).getValue()[4][4]).isEqualTo(exact);
    }
}

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
import org.convplay.engine.Initializer;
import org.convplay.pipeline.PipelineService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipelineViewTest {

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

    List<LayerEditor> layers() {
        return _find(view, LayerEditor.class);
    }

    @Test
    void theNotebooksNetworkIsLoadedWithItsShapesAndParameters() {
        assertThat(layers()).hasSize(2);
        assertThat(text(view, "layer-1-summary")).isEqualTo("Output shape [1, 11, 11], 10 parameters");
        assertThat(text(view, "layer-2-summary")).isEqualTo("Output shape [1, 6, 6], 0 parameters");
        assertThat(text(view, "total-parameters")).isEqualTo("Total: 10 parameters; output shape [1, 6, 6]");
    }

    @Test
    void theImpulseShowsTheFlippedGlorotKernelAroundTheCentre() {
        // under Theano the kernel is flipped: output (5+j-1, 5+i-1) holds w[2-j][2-i]... i.e. the kernel turned
        var kernel = Initializer.GLOROT_UNIFORM.create(1, 1, 3, 3, 0);
        var out = get(view, Div.class, "layer-1-outputs").getChildren().findFirst().orElseThrow();
        String[][] cells = ((org.convplay.ui.MatrixEditor) out).getCells();
        assertThat(Float.parseFloat(cells[4][4])).isCloseTo(kernel.weight(0, 0, 0, 0), org.assertj.core.data.Offset.offset(1e-3f));
        assertThat(Float.parseFloat(cells[6][6])).isCloseTo(kernel.weight(0, 0, 2, 2), org.assertj.core.data.Offset.offset(1e-3f));
        assertThat(cells[3][3]).isEqualTo("0");
    }

    @Test
    void addingRemovingAndReorderingLayersUpdatesShapes() {
        select(view, "new-layer-type").setValue("avgpool2d");
        get(view, Button.class, "add-layer").click();
        assertThat(layers()).hasSize(3);
        assertThat(text(view, "layer-3-summary")).isEqualTo("Output shape [1, 3, 3], 0 parameters");
        get(view, Button.class, "layer-3-up").click();
        assertThat(select(view, "layer-2-type").getValue()).isEqualTo("avgpool2d");
        assertThat(text(view, "layer-2-summary")).isEqualTo("Output shape [1, 5, 5], 0 parameters");
        get(view, Button.class, "layer-1-remove").click();
        assertThat(layers()).hasSize(2);
        assertThat(text(view, "total-parameters")).isEqualTo("Total: 0 parameters; output shape [1, 3, 3]");
    }

    @Test
    void moreFiltersMultiplyTheParametersAndChannels() {
        integer(view, "layer-1-filters").setValue(4);
        assertThat(text(view, "layer-1-summary")).isEqualTo("Output shape [4, 11, 11], 40 parameters");
        assertThat(get(view, Div.class, "layer-1-outputs").getChildren().count()).isEqualTo(4);
    }

    @Test
    void aLayerThatDoesNotFitIsNamed() {
        select(view, "layer-1-padding").setValue("valid");
        integer(view, "layer-1-size").setValue(15);
        assertThat(text(view, "pipeline-error")).startsWith("layers[0] (conv2d)");
    }

    @Test
    void aLayerThatDoesNotFitIsExplainedInPortuguese() {
        UI.getCurrent().setLocale(org.convplay.shared.Messages.PORTUGUESE);
        select(view, "layer-1-padding").setValue("valid");
        integer(view, "layer-1-size").setValue(15);
        assertThat(text(view, "pipeline-error")).startsWith("layers[0] (conv2d) com entrada [")
                .contains("a altura do kernel (15) é maior que a entrada com preenchimento");
    }

    @Test
    void customWeightsAreReadFromText() {
        select(view, "layer-1-init").setValue("custom");
        get(view, TextArea.class, "layer-1-weights").setValue("[[[[0,0,0],[0,2,0],[0,0,0]]]]");
        checkbox(view, "layer-1-bias").setValue(false);
        assertThat(text(view, "layer-1-summary")).isEqualTo("Output shape [1, 11, 11], 9 parameters");
        String[][] pooled = ((org.convplay.ui.MatrixEditor) get(view, Div.class, "layer-2-outputs").getChildren().findFirst().orElseThrow()).getCells();
        // Theano's pooling windows {-1,0},{1,2},{3,4},{5,6}: the impulse (5,5) doubled lands at (3,3)
        assertThat(pooled[3][3]).isEqualTo("2");
    }

    @Test
    void thePageStateIsAPipelineRequestBody() {
        var body = view.toJson();
        assertThat(body.get("convention").asText()).isEqualTo("theano");
        assertThat(body.get("layers").get(0).get("type").asText()).isEqualTo("conv2d");
        assertThat(body.get("layers").get(1).get("size").asInt()).isEqualTo(2);
        view.load(body, null);
        assertThat(text(view, "total-parameters")).isEqualTo("Total: 10 parameters; output shape [1, 6, 6]");
    }

    @Test
    void aChannelsLastInputIsReadIntoChannelsAndTheConvLayerFollows() {
        select(view, "pipeline-layout").setValue("tf");
        // H x W x C = 2 x 2 x 2: channel 0 is 1 2 / 3 4, channel 1 is 10 20 / 30 40
        // as the browser sends it when the user leaves the field
        _setValue(get(view, TextArea.class, "pipeline-input-text"), "[[[1, 10], [2, 20]], [[3, 30], [4, 40]]]");
        assertThat(shown(view, "pipeline-channel")).isTrue();
        assertThat(matrix(view, "pipeline-input").getCells()).isDeepEqualTo(new String[][] {{"1", "2"}, {"3", "4"}});
        select(view, "pipeline-channel").setValue(1);
        assertThat(matrix(view, "pipeline-input").getCells()).isDeepEqualTo(new String[][] {{"10", "20"}, {"30", "40"}});
        // a 3x3 glorot kernel over 2 channels: 2*9 weights + 1 bias
        assertThat(text(view, "layer-1-summary")).isEqualTo("Output shape [1, 2, 2], 19 parameters");
        select(view, "pipeline-layout").setValue("th");
        assertThat(get(view, TextArea.class, "pipeline-input-text").getValue()).isEqualTo("[[[1, 2],\n  [3, 4]],\n\n [[10, 20],\n  [30, 40]]]");
    }
}

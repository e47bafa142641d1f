package org.convplay.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
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

    @Test
    void theNotebooksNetworkIsLoadedWithItsShapesAndParameters() {
        assertThat(view.layers).hasSize(2);
        assertThat(view.layers.get(0).summary.getText()).isEqualTo("Output shape [1, 11, 11], 10 parameters");
        assertThat(view.layers.get(1).summary.getText()).isEqualTo("Output shape [1, 6, 6], 0 parameters");
        assertThat(view.total.getText()).isEqualTo("Total: 10 parameters; output shape [1, 6, 6]");
    }

    @Test
    void theImpulseShowsTheFlippedGlorotKernelAroundTheCentre() {
        // under Theano the kernel is flipped: output (5+j-1, 5+i-1) holds w[2-j][2-i]... i.e. the kernel turned
        var kernel = Initializer.GLOROT_UNIFORM.create(1, 1, 3, 3, 0);
        var out = view.layers.get(0).outputs.getChildren().findFirst().orElseThrow();
        String[][] cells = ((org.convplay.ui.MatrixEditor) out).getCells();
        assertThat(Float.parseFloat(cells[4][4])).isCloseTo(kernel.weight(0, 0, 0, 0), org.assertj.core.data.Offset.offset(1e-3f));
        assertThat(Float.parseFloat(cells[6][6])).isCloseTo(kernel.weight(0, 0, 2, 2), org.assertj.core.data.Offset.offset(1e-3f));
        assertThat(cells[3][3]).isEqualTo("0");
    }

    @Test
    void addingRemovingAndReorderingLayersUpdatesShapes() {
        view.newLayerType.setValue("avgpool2d");
        view.addLayer.click();
        assertThat(view.layers).hasSize(3);
        assertThat(view.layers.get(2).summary.getText()).isEqualTo("Output shape [1, 3, 3], 0 parameters");
        view.layers.get(2).up.click();
        assertThat(view.layers.get(1).type.getValue()).isEqualTo("avgpool2d");
        assertThat(view.layers.get(1).summary.getText()).isEqualTo("Output shape [1, 5, 5], 0 parameters");
        view.layers.get(0).remove.click();
        assertThat(view.layers).hasSize(2);
        assertThat(view.total.getText()).isEqualTo("Total: 0 parameters; output shape [1, 3, 3]");
    }

    @Test
    void moreFiltersMultiplyTheParametersAndChannels() {
        view.layers.get(0).filters.setValue(4);
        assertThat(view.layers.get(0).summary.getText()).isEqualTo("Output shape [4, 11, 11], 40 parameters");
        assertThat(view.layers.get(0).outputs.getChildren().count()).isEqualTo(4);
    }

    @Test
    void aLayerThatDoesNotFitIsNamed() {
        view.layers.get(0).padding.setValue("valid");
        view.layers.get(0).size.setValue(15);
        assertThat(view.error.getText()).startsWith("layers[0] (conv2d)");
    }

    @Test
    void customWeightsAreReadFromText() {
        view.layers.get(0).init.setValue("custom");
        view.layers.get(0).weights.setValue("[[[[0,0,0],[0,2,0],[0,0,0]]]]");
        view.layers.get(0).bias.setValue(false);
        assertThat(view.layers.get(0).summary.getText()).isEqualTo("Output shape [1, 11, 11], 9 parameters");
        String[][] pooled = ((org.convplay.ui.MatrixEditor) view.layers.get(1).outputs.getChildren().findFirst().orElseThrow()).getCells();
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
        assertThat(view.total.getText()).isEqualTo("Total: 10 parameters; output shape [1, 6, 6]");
    }

    @Test
    void aChannelsLastInputIsReadIntoChannelsAndTheConvLayerFollows() {
        view.layout.setValue("tf");
        // H x W x C = 2 x 2 x 2: channel 0 is 1 2 / 3 4, channel 1 is 10 20 / 30 40
        view.inputText.setValue("[[[1, 10], [2, 20]], [[3, 30], [4, 40]]]");
        view.readInputTextForTest();
        assertThat(view.channel.isVisible()).isTrue();
        assertThat(view.input.getCells()).isDeepEqualTo(new String[][] {{"1", "2"}, {"3", "4"}});
        view.channel.setValue(1);
        assertThat(view.input.getCells()).isDeepEqualTo(new String[][] {{"10", "20"}, {"30", "40"}});
        // a 3x3 glorot kernel over 2 channels: 2*9 weights + 1 bias
        assertThat(view.layers.get(0).summary.getText()).isEqualTo("Output shape [1, 2, 2], 19 parameters");
        view.layout.setValue("th");
        assertThat(view.inputText.getValue()).isEqualTo("[[[1, 2],\n  [3, 4]],\n\n [[10, 20],\n  [30, 40]]]");
    }
}

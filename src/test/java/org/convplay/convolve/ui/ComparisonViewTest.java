package org.convplay.convolve.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convplay.ui.ById.*;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.Locale;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.Convention;
import org.convplay.ui.MatrixEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComparisonViewTest {

    ComparisonView view;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        view = new ComparisonView(new ConvolutionService());
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    MatrixEditor result(Convention c) {
        return matrix(view, "compare-" + c.id());
    }

    String reason(Convention c) {
        return get(view, Div.class, "compare-" + c.id() + "-reason").getText();
    }

    @Test
    void everyConventionShowsAResultOfTheInputsSizeUnderSame() {
        for (Convention c : Convention.values()) {
            assertThat(result(c).getCells()).as(c.id()).hasDimensions(5, 5);
        }
    }

    @Test
    void pytorchAgreesWithTensorflowWhileTheanoFlipsAndPadsBefore() {
        assertThat(result(Convention.PYTORCH).getCells()).isDeepEqualTo(result(Convention.TENSORFLOW).getCells());
        assertThat(reason(Convention.PYTORCH)).isEqualTo("Same numbers as TensorFlow here.");
        // TF (0,0): 1*1 + 2*2 + 6*3 + 7*4 = 51; Theano flips and pads before: (0,0) sees only in[0][0] under w[0][0]... = 1*1
        assertThat(result(Convention.TENSORFLOW).getCells()[0][0]).isEqualTo("51");
        assertThat(result(Convention.THEANO).getCells()[0][0]).isEqualTo("1");
        assertThat(reason(Convention.THEANO)).contains("flips the kernel").contains("top/left");
        assertThat(reason(Convention.OPENCV)).contains("reflect").contains("top/left");
    }

    @Test
    void aSymmetricKernelWithValidPaddingMakesEveryConventionAgree() {
        matrix(view, "compare-kernel").paste("[[1, 1], [1, 1]]");
        select(view, "compare-padding").setValue("valid");
        for (Convention c : Convention.values()) {
            assertThat(result(c).getCells()).as(c.id()).isDeepEqualTo(result(Convention.TENSORFLOW).getCells());
        }
    }

    @Test
    void theInputAndTheKernelHaveHeadingsAndEveryResultAName() {
        MatrixEditor input = matrix(view, "compare-input");
        assertThat(headingAbove(input)).isEqualTo("Input");
        assertThat(headingAbove(matrix(view, "compare-kernel"))).isEqualTo("Kernel");
        assertThat(input.getElement().getProperty("name")).isEqualTo("Input");
        assertThat(java.util.Arrays.stream(Convention.values()).map(c -> result(c).getElement().getProperty("name")).distinct())
                .as("a name per result").hasSize(Convention.values().length).contains("Result under pytorch");

        UI.getCurrent().setLocale(Locale.forLanguageTag("pt-BR"));
        assertThat(headingAbove(input)).isEqualTo("Entrada");
        assertThat(result(Convention.THEANO).getElement().getProperty("name")).isEqualTo("Resultado no theano");
    }

    private static String headingAbove(MatrixEditor m) {
        return ((H3) m.getParent().orElseThrow().getChildren().findFirst().orElseThrow()).getText();
    }
}

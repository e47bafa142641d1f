package org.convplay.convolve.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H3;
import org.convplay.ui.MatrixEditor;
import java.util.Locale;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.Convention;
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

    @Test
    void everyConventionShowsAResultOfTheInputsSizeUnderSame() {
        for (Convention c : Convention.values()) {
            assertThat(view.results.get(c).getCells()).as(c.id()).hasDimensions(5, 5);
        }
    }

    @Test
    void pytorchAgreesWithTensorflowWhileTheanoFlipsAndPadsBefore() {
        assertThat(view.results.get(Convention.PYTORCH).getCells()).isDeepEqualTo(view.results.get(Convention.TENSORFLOW).getCells());
        assertThat(view.reasons.get(Convention.PYTORCH).getText()).isEqualTo("Same numbers as TensorFlow here.");
        // TF (0,0): 1*1 + 2*2 + 6*3 + 7*4 = 51; Theano flips and pads before: (0,0) sees only in[0][0] under w[0][0]... = 1*1
        assertThat(view.results.get(Convention.TENSORFLOW).getCells()[0][0]).isEqualTo("51");
        assertThat(view.results.get(Convention.THEANO).getCells()[0][0]).isEqualTo("1");
        assertThat(view.reasons.get(Convention.THEANO).getText()).contains("flips the kernel").contains("top/left");
        assertThat(view.reasons.get(Convention.OPENCV).getText()).contains("reflect").contains("top/left");
    }

    @Test
    void aSymmetricKernelWithValidPaddingMakesEveryConventionAgree() {
        view.kernel.paste("[[1, 1], [1, 1]]");
        view.padding.setValue("valid");
        for (Convention c : Convention.values()) {
            assertThat(view.results.get(c).getCells()).as(c.id()).isDeepEqualTo(view.results.get(Convention.TENSORFLOW).getCells());
        }
    }

    @Test
    void theInputAndTheKernelHaveHeadingsAndEveryResultAName() {
        assertThat(headingAbove(view.input)).isEqualTo("Input");
        assertThat(headingAbove(view.kernel)).isEqualTo("Kernel");
        assertThat(view.input.getElement().getProperty("name")).isEqualTo("Input");
        assertThat(view.results.values().stream().map(m -> m.getElement().getProperty("name")).distinct())
                .as("a name per result").hasSize(Convention.values().length).contains("Result under pytorch");

        UI.getCurrent().setLocale(Locale.forLanguageTag("pt-BR"));
        assertThat(headingAbove(view.input)).isEqualTo("Entrada");
        assertThat(view.results.get(Convention.THEANO).getElement().getProperty("name")).isEqualTo("Resultado no theano");
    }

    private static String headingAbove(MatrixEditor m) {
        return ((H3) m.getParent().orElseThrow().getChildren().findFirst().orElseThrow()).getText();
    }
}

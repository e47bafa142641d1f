package org.convplay.convolve.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import org.convplay.ui.MatrixEditor;
import org.convplay.ui.MatrixOptions;


import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.convplay.ui.ById.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import org.convplay.convolve.ConvolutionService;
import org.convplay.shared.Numbers;
import org.convplay.engine.ConvGeometry;
import org.convplay.engine.ConvSettings;
import org.convplay.engine.ConvSpec;
import org.convplay.engine.Convention;
import org.convplay.engine.Padding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the playground shows numbers: colours and their switch, significant digits, the receptive field. */
class MatrixDisplayTest {

    PlaygroundView view;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        UI.getCurrent().setLocale(Locale.ENGLISH);
        view = new PlaygroundView(new ConvolutionService());
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void matricesAreColouredUntilTheSwitchTurnsColoursOff() {
        for (MatrixEditor m : List.of(matrix(view, "input"), matrix(view, "kernel"), matrix(view, "result"))) {
            assertThat(m.getElement().getProperty("coloured", false)).isTrue();
        }
        _get(view, Checkbox.class, spec -> spec.withId("colours")).setValue(false);
        for (MatrixEditor m : List.of(matrix(view, "input"), matrix(view, "kernel"), matrix(view, "result"))) {
            assertThat(m.getElement().getProperty("coloured", true)).isFalse();
            assertThat(m.isColoured()).isFalse();
        }
        assertThat(_get(view, Checkbox.class, spec -> spec.withId("colours")).getLabel()).isEqualTo("Colour cells by value");
    }

    @Test
    void aResultShowsTheChosenSignificantDigitsAndKeepsTheExactValueForHoverAndCopy() {
        matrix(view, "input").paste("[[1, 0], [0, 0]]");
        matrix(view, "kernel").paste("[[0.123456]]");
        assertThat(matrix(view, "result").getCells()[0][0]).isEqualTo("0.1235");
        digits().setValue(2);
        assertThat(matrix(view, "result").getCells()[0][0]).isEqualTo("0.12");
        // hover shows, and Copy as NumPy copies, every digit float32 keeps
        assertThat(((elemental.json.JsonValue) matrix(view, "result").getElement().getPropertyRaw("exact")).toJson()).contains("0.123456");
        assertThat(matrix(view, "result").toText()).contains("0.123456");
        assertThat(matrix(view, "result").getValue()[0][0]).isEqualTo((float) 0.123456, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void significantDigitsKeepWholeNumbersWholeAndNameABadCount() {
        assertThat(Numbers.significant(12345, 2)).isEqualTo("12345");
        assertThat(Numbers.significant(0.000012345, 3)).isEqualTo("1.23e-05");
        assertThat(Numbers.significant(-2.5, 4)).isEqualTo("-2.5");
        assertThat(Numbers.significant(1.0 / 3, 6)).isEqualTo("0.333333");
        assertThatThrownBy(() -> Numbers.significant(1, 0)).hasMessageContaining("significant digits must be 1 to 9, got 0");
    }

    @Test
    void pointingAtAResultCellLightsItsReceptiveFieldAndTheKernel() {
        view.showReceptiveField(new int[] {1, 2});
        // valid padding, stride 1: output (1, 2) reads input rows 1..3, columns 2..4
        String region = ((elemental.json.JsonValue) matrix(view, "input").getElement().getPropertyRaw("region")).toJson();
        assertThat(region).isEqualTo("[[1,2],[1,3],[1,4],[2,2],[2,3],[2,4],[3,2],[3,3],[3,4]]");
        assertThat(((elemental.json.JsonValue) matrix(view, "kernel").getElement().getPropertyRaw("region")).toJson()).startsWith("[[0,0],[0,1],[0,2],[1,0]");
        assertThat(((elemental.json.JsonValue) matrix(view, "result").getElement().getPropertyRaw("highlight")).toJson()).isEqualTo("[1,2]");
    }

    @Test
    void theReceptiveFieldFollowsStrideDilationAndLeavesPaddingOut() {
        ConvSpec spec = Convention.DEFAULT.resolve(ConvSettings.EMPTY.withPadding(Padding.explicit(1, 1, 1, 1))
                .withStride(2, 2).withDilation(1, 2));
        ConvGeometry.Plan plan = new ConvGeometry.Plan(new ConvGeometry.Pads(1, 1, 1, 1), 3, 3);
        List<int[]> field = PlaygroundView.receptiveField(0, 0, spec, plan, 2, 2, 5, 5);
        // taps at padded rows -1, 0 and columns -1, 1: only (0, 1) lies in the input
        assertThat(field).hasSize(1);
        assertThat(field.get(0)).containsExactly(0, 1);
    }

    @SuppressWarnings("unchecked")
    private Select<Integer> digits() {
        return _get(view, Select.class, spec -> spec.withId("digits"));
    }
}

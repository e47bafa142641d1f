package org.convplay.convolve.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convplay.ui.ById.*;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Locale;
import org.convplay.convolve.ConvolutionService;
import org.convplay.engine.Border;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The playground's logic without a browser (Karibu-Testing). */
class PlaygroundViewTest {

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
    void theNotebooksExampleIsComputedOnFirstVisit() {
        assertThat(matrix(view, "result").getCells()).isDeepEqualTo(new String[][] {{"4", "3", "4"}, {"2", "4", "3"}, {"2", "3", "4"}});
        assertThat(text(view, "shape")).isEqualTo("Output shape: 3 x 3");
        assertThat(get(view, Div.class, "formula").getElement().getTextRecursively()).contains("H' = ⌊(5 + 0 + 0 − 1·(3−1) − 1) / 1⌋ + 1 = 3");
    }

    @Test
    void editingAKernelCellChangesTheResult() {
        matrix(view, "kernel").edit(1, 1, "3");
        assertThat(matrix(view, "result").getCells()[0]).containsExactly("6", "5", "6");
        assertThat(get(view, TextArea.class, "kernel-text").getValue()).isEqualTo("[[1, 0, 1],\n [0, 3, 0],\n [1, 0, 1]]");
    }

    @Test
    void aCellThatIsNotANumberIsNamedAndTheResultHidden() {
        matrix(view, "input").edit(2, 3, "abc");
        assertThat(text(view, "error")).isEqualTo("input[2][3] is 'abc', which is not a number");
        assertThat(shown(view, "result")).isFalse();
        matrix(view, "input").edit(2, 3, "1");
        assertThat(text(view, "error")).isEmpty();
        assertThat(shown(view, "result")).isTrue();
    }

    @Test
    void pastingANumpyListReplacesTheMatrix() {
        assertThat(matrix(view, "kernel").paste("[[0, 0], [0, 1]]")).isTrue();
        assertThat(text(view, "shape")).isEqualTo("Output shape: 4 x 4");
        // the kernel picks in[y+1][x+1]
        assertThat(matrix(view, "result").getCells()[0]).containsExactly("1", "1", "1", "0");
    }

    @Test
    void aMalformedPasteIsReportedAndTheMatrixKept() {
        assertThat(matrix(view, "kernel").paste("[[1, 2], [3]]")).isFalse();
        assertThat(text(view, "error")).contains("kernel[1] has 1 value(s), expected 2");
        assertThat(matrix(view, "kernel").getCells()).hasDimensions(3, 3);
    }

    @Test
    void samePaddingWithAReflectBorderKeepsTheInputSize() {
        select(view, "padding").setValue("same");
        select(view, "border").setValue(Border.REFLECT);
        assertThat(text(view, "shape")).isEqualTo("Output shape: 5 x 5");
        // corner (0,0) reads, under the X kernel's ones, in[1][1] (reflected -1,-1), in[1][1] (the -1,+1 cell
        // reflects to row 1, column 1), in[0][0], and the two lower cells: 1 + 1 + 1 + 1 + 1 = 5 minus zeros
        assertThat(matrix(view, "result").getCells()[0][0]).isEqualTo(expectedReflectCorner());
    }

    /** The corner of the X kernel over the reflected input, summed the long way. */
    private static String expectedReflectCorner() {
        double[][] in = org.convplay.convolve.NotebookExample.INPUT;
        int[] r = {1, 0, 1}; // reflect: index -1 reads 1
        double sum = 0;
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                sum += org.convplay.convolve.NotebookExample.KERNEL[j][i] * in[r[j]][r[i]];
            }
        }
        return String.valueOf((int) sum);
    }

    @Test
    void aKernelThatDoesNotFitSaysWhichSizesCausedIt() {
        matrix(view, "kernel").paste("[[1,1,1,1,1,1]]");
        assertThat(text(view, "error")).contains("the width of the kernel (6) is larger than the padded input (5 + 0 + 0 = 5)");
    }

    @Test
    void aPortugueseReaderIsToldInPortuguese() {
        UI.getCurrent().setLocale(org.convplay.shared.Messages.PORTUGUESE);
        matrix(view, "kernel").paste("[[1,1,1,1,1,1]]");
        assertThat(text(view, "error")).isEqualTo("a largura do kernel (6) é maior que a entrada com preenchimento (5 + 0 + 0 = 5)");
        assertThat(matrix(view, "kernel").paste("[[1, 2], [3]]")).isFalse();
        assertThat(text(view, "error"))
                .isEqualTo("kernel[1] tem 1 valor(es), esperava 2 como a primeira (as linhas devem ter todas o mesmo comprimento)");
    }

    @Test
    void explicitPaddingAndStrideAppearInTheFormula() {
        select(view, "padding").setValue("explicit");
        integer(view, "pad-top").setValue(2);
        integer(view, "stride-y").setValue(2);
        assertThat(text(view, "shape")).isEqualTo("Output shape: 3 x 3");
        assertThat(get(view, Div.class, "formula").getElement().getTextRecursively()).contains("H' = ⌊(5 + 2 + 0 − 1·(3−1) − 1) / 2⌋ + 1 = 3");
    }

    @Test
    void portugueseLabelsFollowTheSessionLocale() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("pt-BR"));
        assertThat(text(view, "shape")).isEqualTo("Forma da saída: 3 x 3");
    }
}

package org.convplay.exercise.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.convplay.ui.ById;
import org.convplay.ui.MatrixEditor;
import java.util.Locale;
import java.util.Optional;
import org.convplay.classroom.KaribuSpringTest;
import org.junit.jupiter.api.Test;

/** Anonymous practice through the answer form: the notebook's variant, marks, hints and the worked solution. */
class ExercisePracticeViewTest extends KaribuSpringTest {

    private ExercisePracticeView open(String location, Locale locale) {
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate(location);
        return (ExercisePracticeView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    private static AnswerForm form(ExercisePracticeView view) {
        return ById.get(view, AnswerForm.class, "answer-form");
    }

    private static void click(ExercisePracticeView view, String id) {
        ById.get(view, Button.class, id).click();
    }

    private static String text(ExercisePracticeView view, String id) {
        return ById.get(view, Component.class, id).getElement().getText();
    }

    /** A component by id whether or not it is on show (Karibu's locators see only visible ones). */
    private static Component component(Component in, String id) {
        return find(in, id).orElseThrow(() -> new AssertionError("no component with id " + id));
    }

    private static Optional<Component> find(Component in, String id) {
        if (id.equals(in.getId().orElse(null))) {
            return Optional.of(in);
        }
        return in.getChildren().map(c -> find(c, id)).flatMap(Optional::stream).findFirst();
    }

    private static TextField field(ExercisePracticeView view, String part) {
        return (TextField) form(view).field(part);
    }

    private static void type(ExercisePracticeView view, String output, String dense, String conv, String reduction) {
        field(view, "output").setValue(output);
        field(view, "denseParameters").setValue(dense);
        field(view, "convParameters").setValue(conv);
        field(view, "reduction").setValue(reduction);
        click(view, "check");
    }

    private static String mark(ExercisePracticeView view, String part) {
        return form(view).getChildren().flatMap(c -> c.getChildren())
                .filter(c -> c.getId().orElse("").equals("part-" + part + "-mark"))
                .findFirst().orElseThrow().getElement().getText();
    }

    private static String feedbackAt(ExercisePracticeView view, String part) {
        return form(view).getChildren().flatMap(c -> c.getChildren())
                .filter(c -> c.getId().orElse("").equals("part-" + part + "-feedback"))
                .findFirst().orElseThrow().getElement().getText();
    }

    @Test
    void denseVersusConvIsAnsweredThroughTheFormInEnglish() {
        openAs(null);
        ExercisePracticeView view = open("exercises/dense-vs-conv", Locale.ENGLISH);
        assertThat(text(view, "exercise-parameters")).contains("n = 100").contains("k = 3");
        assertThat(ById.shown(view, "answer")).as("no JSON box for a non-practical exercise").isFalse();
        assertThat(field(view, "output").getId()).hasValue("part-output");
        assertThat(field(view, "output").getLabel()).contains("Output size");
        assertThat(ById.shown(view, "solution")).as("no solution before an answer").isFalse();

        type(view, "99 x 99", "96,049,604", "10", "9,604,960.4");
        assertThat(text(view, "feedback")).contains("Not quite");
        assertThat(mark(view, "output")).isEqualTo("✘");
        assertThat(feedbackAt(view, "output")).contains("slip");
        assertThat(mark(view, "denseParameters")).isEqualTo("✔");
        assertThat(ById.shown(view, "solution")).as("a wrong answer does not give the solution away").isFalse();
        assertThat(component(view, "hints").getChildren().count()).as("one hint after one wrong attempt").isEqualTo(1);

        type(view, "98x98", "96049604", "10", "9604960.4");
        assertThat(text(view, "feedback")).startsWith("Correct");
        assertThat(mark(view, "output")).isEqualTo("✔");
        assertThat(ById.shown(view, "solution")).isTrue();
        assertThat(text(view, "solution-notes")).contains("98x98");
    }

    @Test
    void thePageTitleIsInTheReadersLanguageAndFollowsTheSwitch() {
        openAs(null);
        open("exercises/dense-vs-conv", Locale.forLanguageTag("pt-BR"));
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Exercício");
        UI.getCurrent().navigate("exercises");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Exercícios");
        com.vaadin.flow.server.VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
        assertThat(UI.getCurrent().getInternals().getTitle()).as("the language switch does not navigate").isEqualTo("Exercises");
    }

    @Test
    void denseVersusConvIsAnsweredInPortugueseNumbers() {
        openAs(null);
        ExercisePracticeView view = open("exercises/dense-vs-conv", Locale.forLanguageTag("pt-BR"));
        assertThat(field(view, "output").getLabel()).contains("Tamanho da saída");
        type(view, "98 x 98", "96.049.604", "10", "9.604.960,4");
        assertThat(text(view, "feedback")).startsWith("Correto");
        assertThat(mark(view, "reduction")).isEqualTo("✔");
    }

    @Test
    void textInANumberFieldGetsAMessageAtThatFieldAndIsNotGraded() {
        openAs(null);
        ExercisePracticeView view = open("exercises/dense-vs-conv", Locale.ENGLISH);
        type(view, "98 x 98", "lots", "", "9604960.4");
        assertThat(field(view, "denseParameters").isInvalid()).isTrue();
        assertThat(field(view, "denseParameters").getErrorMessage()).contains("Not a whole number");
        assertThat(field(view, "convParameters").getErrorMessage()).contains("Fill in");
        assertThat(field(view, "output").isInvalid()).isFalse();
        assertThat(text(view, "feedback")).contains("messages at the fields");
        assertThat(component(view, "hints").getChildren().count()).as("an unreadable answer is not a wrong attempt").isZero();
    }

    @Test
    void theSolutionCanBeAskedFor() {
        openAs(null);
        ExercisePracticeView view = open("exercises/output-size-stride", Locale.ENGLISH);
        assertThat(ById.shown(view, "solution")).isFalse();
        click(view, "show-solution");
        assertThat(ById.shown(view, "solution")).isTrue();
        assertThat(component(view, "solution").getChildren().count()).isPositive();
    }

    @Test
    void aMatrixIsAnsweredInTheMatrixEditorAndABadCellIsNamedAtItsField() {
        openAs(null);
        ExercisePracticeView view = open("exercises/conv-vs-correlation", Locale.ENGLISH);
        MatrixEditor correlation = (MatrixEditor) form(view).field("correlation");
        MatrixEditor convolution = (MatrixEditor) form(view).field("convolution");
        assertThat(correlation.getCells()).as("the editor starts at the file's 3 x 3").hasDimensions(3, 3);
        correlation.paste("[[7, 7, 5], [5, 7, 4], [3, x, 4]]");
        assertThat(error(view, "correlation")).as("a paste that is not numbers is refused at the field").isNotEmpty();
        String huge = "[" + String.join(",", java.util.Collections.nCopies(65, "[" + "1,".repeat(64) + "1]")) + "]";
        correlation.paste(huge);
        assertThat(error(view, "correlation")).as("a 65 x 65 paste is refused at the field").contains("4096 values");
        assertThat(correlation.getCells()).as("and the matrix is left as it was").hasDimensions(3, 3);
        correlation.paste("[[7, 7, 5], [5, 7, 4], [3, 3, 4]]");
        convolution.paste("[[5, 7, 7], [1, 7, 6], [3, 3, 4]]");
        click(view, "check");
        assertThat(text(view, "feedback")).startsWith("Correct");
        assertThat(mark(view, "convolution")).isEqualTo("✔");

        convolution.setValue(new double[3][3]);
        click(view, "check");
        assertThat(mark(view, "convolution")).isEqualTo("✘");
        assertThat(mark(view, "correlation")).isEqualTo("✔");
    }

    @Test
    void matrixAnswersHaveTheColourSwitchAndShowAFilledInAnswerInTheChosenDigits() {
        openAs(null);
        ExercisePracticeView view = open("exercises/conv-vs-correlation", Locale.ENGLISH);
        MatrixEditor correlation = (MatrixEditor) form(view).field("correlation");
        MatrixEditor convolution = (MatrixEditor) form(view).field("convolution");
        Checkbox colours = _get(form(view), Checkbox.class, s -> s.withId("answer-colours"));
        assertThat(colours.getLabel()).isEqualTo("Colour cells by value");
        assertThat(correlation.isColoured()).isTrue();
        colours.setValue(false);
        assertThat(correlation.isColoured()).isFalse();
        assertThat(convolution.getElement().getProperty("coloured", true)).isFalse();

        double third = 1.0 / 3;
        form(view).fill(new ObjectMapper().createObjectNode().<com.fasterxml.jackson.databind.JsonNode>set("correlation",
                new ObjectMapper().valueToTree(new double[][] {{third, 2, 12.3456789}, {0, 0, 0}, {0, 0, 0}})));
        assertThat(correlation.getCells()[0]).containsExactly("0.3333", "2", "12.35");
        @SuppressWarnings("unchecked")
        Select<Integer> digits = _get(form(view), Select.class, s -> s.withId("answer-digits"));
        digits.setValue(2);
        assertThat(correlation.getCells()[0]).containsExactly("0.33", "2", "12");
        assertThat(((elemental.json.JsonValue) correlation.getElement().getPropertyRaw("exact")).toJson())
                .as("the exact value on hover").startsWith("[[\"0.3333333");
        assertThat(form(view).read().orElseThrow().get("correlation").get(0).get(0).asDouble())
                .as("and it is the exact value that is answered").isEqualTo(third);

        ExercisePracticeView noMatrix = open("exercises/dense-vs-conv", Locale.ENGLISH);
        assertThat(noMatrix.form.getChildren().filter(c -> c instanceof org.convplay.ui.MatrixOptions)).isEmpty();
    }

    @Test
    void aChoiceIsARadioGroupAndLeavingItEmptyIsNamed() {
        openAs(null);
        ExercisePracticeView view = open("exercises/conv-parameters-rgb", Locale.forLanguageTag("pt-BR"));
        field(view, "kernelShape").setValue("32 x 3 x 3 x 3");
        field(view, "parameters").setValue("896");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> choice = (RadioButtonGroup<String>) form(view).field("imageSize");
        assertThat(choice.getLabel()).contains("tamanho da imagem");
        click(view, "check");
        assertThat(choice.isInvalid()).isTrue();
        assertThat(choice.getErrorMessage()).contains("Escolha");
        choice.setValue("yes");
        click(view, "check");
        assertThat(mark(view, "imageSize")).isEqualTo("✘");
        assertThat(feedbackAt(view, "imageSize")).contains("convolução não");
        choice.setValue("no");
        click(view, "check");
        assertThat(text(view, "feedback")).startsWith("Correto");
    }

    private static String error(ExercisePracticeView view, String part) {
        return form(view).getChildren().flatMap(c -> c.getChildren()).flatMap(c -> c.getChildren())
                .filter(c -> c.getId().orElse("").equals("part-" + part + "-error"))
                .findFirst().orElseThrow().getElement().getText();
    }

    @Test
    void aSeedInTheAddressGivesThatVariant() {
        openAs(null);
        UI.getCurrent().navigate("exercises/output-size-stride", com.vaadin.flow.router.QueryParameters.of("seed", "5"));
        ExercisePracticeView view = (ExercisePracticeView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        assertThat(text(view, "exercise-seed")).contains("5");
        assertThat(text(view, "exercise-prompt")).doesNotContain("{");
    }
}

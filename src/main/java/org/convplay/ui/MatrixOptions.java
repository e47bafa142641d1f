package org.convplay.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * The switches a page offers for its matrices: colours on or off, and how many significant digits a
 * result shows (the exact value stays on hover and in "Copy as NumPy").
 */
public class MatrixOptions extends Div implements LocaleChangeObserver {

    final Checkbox colours = new Checkbox(true);
    final Select<Integer> digits = new Select<>();
    private final List<MatrixEditor> editors = new ArrayList<>();
    private Runnable digitsListener = () -> { };

    public MatrixOptions() {
        this("");
    }

    /** With ids {@code <prefix>colours} and {@code <prefix>digits}, for a second set on one page. */
    public MatrixOptions(String idPrefix) {
        addClassName("matrix-options");
        colours.setId(idPrefix + "colours");
        digits.setId(idPrefix + "digits");
        digits.setItems(2, 3, 4, 5, 6, 7);
        digits.setValue(MatrixEditor.DEFAULT_DIGITS);
        digits.setWidth("9em");
        colours.addValueChangeListener(e -> editors.forEach(m -> m.setColoured(e.getValue())));
        digits.addValueChangeListener(e -> digitsListener.run());
        add(colours, digits);
    }

    /** The matrices the colour switch turns on and off. */
    public void control(MatrixEditor... matrices) {
        for (MatrixEditor m : matrices) {
            editors.add(m);
            m.setColoured(colours.getValue());
        }
    }

    /** Called with the new setting when colours are switched on or off (for what is not a matrix editor). */
    public void onColoursChange(java.util.function.Consumer<Boolean> listener) {
        colours.addValueChangeListener(e -> listener.accept(e.getValue()));
    }

    /** Called when the number of digits changes: the page shows its results again. */
    public void onDigitsChange(Runnable listener) {
        this.digitsListener = listener;
    }

    public int digits() {
        return digits.getValue() == null ? MatrixEditor.DEFAULT_DIGITS : digits.getValue();
    }

    /** Turns colours on or off as the switch does. */
    public void setColoured(boolean on) {
        colours.setValue(on);
    }

    public boolean coloured() {
        return colours.getValue();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        colours.setLabel(getTranslation("matrix.colours"));
        digits.setLabel(getTranslation("matrix.digits"));
    }
}

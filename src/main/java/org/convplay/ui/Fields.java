package org.convplay.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import org.convplay.shared.BadRequestException;

/** Small form fields and grid settings shared by the pages. */
public final class Fields {

    private Fields() {
    }

    /** A whole-number field with step buttons, limited to [min, max]. */
    public static IntegerField integer(int value, int min, int max) {
        IntegerField f = new IntegerField();
        f.setValue(value);
        f.setMin(min);
        f.setMax(max);
        f.setStepButtonsVisible(true);
        f.setWidth("7.5em");
        return f;
    }

    /** The field's number, or an error naming the field and its range. */
    public static int value(IntegerField f, String name) {
        Integer v = f.getValue();
        if (v == null || f.isInvalid() || v < f.getMin() || v > f.getMax()) {
            throw new BadRequestException(name + " must be a whole number between " + (int) f.getMin() + " and " + (int) f.getMax()
                    + (v == null ? "" : ", got " + v));
        }
        return v;
    }

    /** Every column as wide as its text: on a phone the grid scrolls sideways instead of cutting words off. */
    public static void fitColumns(Grid<?> grid) {
        grid.getColumns().forEach(c -> c.setAutoWidth(true));
    }
}

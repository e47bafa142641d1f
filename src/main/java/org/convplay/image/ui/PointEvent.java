package org.convplay.image.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;

/** A point of the picture chosen with a click on a channel or a band: where the sliding window's patch goes. */
public class PointEvent extends ComponentEvent<Component> {

    private final int row;
    private final int column;

    public PointEvent(Component source, int row, int column) {
        super(source, true);
        this.row = row;
        this.column = column;
    }

    /** The row in the picture (a band's row times the stride). */
    public int row() {
        return row;
    }

    public int column() {
        return column;
    }
}

package org.convplay.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;

/**
 * View tests reach a page's components by their ids, as the browser tests do, so that moving a control into a panel
 * of its own does not break them. Like Karibu's locators these find visible components only.
 */
public final class ById {

    private ById() {
    }

    public static <T extends Component> T get(Component in, Class<T> type, String id) {
        return LocatorJ._get(in, type, s -> s.withId(id));
    }

    /** Whether a component with this id is on show (present and visible, as are its parents). */
    public static boolean shown(Component in, String id) {
        return !LocatorJ._find(in, Component.class, s -> s.withId(id)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    public static <V> Select<V> select(Component in, String id) {
        return get(in, Select.class, id);
    }

    public static IntegerField integer(Component in, String id) {
        return get(in, IntegerField.class, id);
    }

    public static Checkbox checkbox(Component in, String id) {
        return get(in, Checkbox.class, id);
    }

    public static MatrixEditor matrix(Component in, String id) {
        return get(in, MatrixEditor.class, id);
    }

    /** The text of the span with this id ({@code ""} for an empty one). */
    public static String text(Component in, String id) {
        return get(in, Span.class, id).getText();
    }
}

package org.convplay.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.router.BeforeEnterEvent;

/**
 * Presentation mode for a projector: {@code ?present} in the URL (so a teacher can share the link) hides
 * the menu and enlarges the type (the {@code present} class on the body; see styles.css).
 */
public final class Presentation {

    public static final String PARAMETER = "present";
    public static final String CLASS = "present";

    private Presentation() {
    }

    /** True when the URL asks for presentation mode; then the page is switched to it, else switched back. */
    public static boolean apply(BeforeEnterEvent event, Component view) {
        boolean on = event.getLocation().getQueryParameters().getParameters().containsKey(PARAMETER);
        UI ui = event.getUI();
        ui.getElement().getClassList().set(CLASS, on);
        if (on) {
            // the view is attached to its layout only after this event, so the drawer is closed just before the reply
            ui.beforeClientResponse(ui, context -> view.getParent().filter(AppLayout.class::isInstance)
                    .map(AppLayout.class::cast).ifPresent(layout -> layout.setDrawerOpened(false)));
        }
        return on;
    }

    /** True when the UI is in presentation mode. */
    public static boolean isOn(UI ui) {
        return ui.getElement().getClassList().contains(CLASS);
    }
}

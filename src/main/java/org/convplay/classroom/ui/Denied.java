package org.convplay.classroom.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;

/**
 * Someone else's class or assignment looks exactly like one that does not exist, as Vaadin does for
 * views a user may not open, so ids cannot be probed from the pages.
 */
final class Denied {

    private Denied() {
    }

    static void reroute(BeforeEnterEvent event) {
        event.rerouteToError(NotFoundException.class, "Could not navigate to '" + event.getLocation().getPath() + "'");
    }
}

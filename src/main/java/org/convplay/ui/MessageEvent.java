package org.convplay.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;

/** A panel could not do what was asked (read pasted text, add a filter); the message, for the page, says why. */
public class MessageEvent extends ComponentEvent<Component> {
    private final String message;

    public MessageEvent(Component source, String message) {
        super(source, false);
        this.message = message;
    }

    public String message() {
        return message;
    }
}

package org.convplay.experiment.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.convplay.experiment.BrowserKey;

/** The browser key of the visitor behind the current Vaadin request. */
final class BrowserKeys {

    private BrowserKeys() {
    }

    static String current() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request == null ? null : BrowserKey.of(request.getHttpServletRequest());
    }

    /** The key, set as a cookie with this response when the browser has none yet. */
    static String ensure() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request == null) {
            return null;
        }
        return BrowserKey.ensure(request.getHttpServletRequest(), response == null ? null : response.getHttpServletResponse());
    }
}

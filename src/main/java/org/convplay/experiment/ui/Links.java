package org.convplay.experiment.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;

/** Absolute links to the playground's own pages, as the visitor reached the server. */
final class Links {

    private Links() {
    }

    static String absolute(String path) {
        VaadinServletRequest r = VaadinServletRequest.getCurrent();
        if (r != null) {
            HttpServletRequest h = r.getHttpServletRequest();
            String port = (h.getScheme().equals("http") && h.getServerPort() == 80)
                    || (h.getScheme().equals("https") && h.getServerPort() == 443) ? "" : ":" + h.getServerPort();
            return h.getScheme() + "://" + h.getServerName() + port + h.getContextPath() + "/" + path;
        }
        return "/" + path;
    }
}

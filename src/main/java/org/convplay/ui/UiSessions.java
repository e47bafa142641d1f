package org.convplay.ui;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The open Vaadin sessions and UIs of this server, as gauges for {@code /actuator/prometheus}, and the message a
 * browser gets when its session is gone: behind a proxy that happens when the student's server died and the proxy
 * sent them to another one, which has never seen their page; the message says so in their language and a click
 * reloads the page there (their submissions are in the database).
 */
@Component
public class UiSessions implements VaadinServiceInitListener {

    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger uis = new AtomicInteger();

    public UiSessions(MeterRegistry meters) {
        Gauge.builder("convplay.vaadin.sessions", sessions, AtomicInteger::get)
                .description("Vaadin sessions open on this server").register(meters);
        Gauge.builder("convplay.vaadin.uis", uis, AtomicInteger::get)
                .description("Vaadin UIs (browser tabs) open on this server").register(meters);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        service.addSessionInitListener(e -> sessions.incrementAndGet());
        service.addSessionDestroyListener(e -> sessions.decrementAndGet());
        service.addUIInitListener(e -> {
            uis.incrementAndGet();
            // a UI detaches when it closes: its tab went away (no heartbeat) or its session ended
            e.getUI().addDetachListener(d -> uis.decrementAndGet());
        });
        service.setSystemMessagesProvider(info -> sessionExpired(service.getInstantiator().getI18NProvider(), info.getLocale()));
    }

    /** Vaadin's default reloads the page without a word; this one says why first. */
    static CustomizedSystemMessages sessionExpired(I18NProvider i18n, Locale locale) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setSessionExpiredCaption(i18n.getTranslation("ops.sessionExpired.caption", locale));
        messages.setSessionExpiredMessage(i18n.getTranslation("ops.sessionExpired.message", locale));
        return messages;
    }

    public int sessions() {
        return sessions.get();
    }

    public int uis() {
        return uis.get();
    }
}

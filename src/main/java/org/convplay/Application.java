package org.convplay;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the playground: the Vaadin pages and the HTTP API on one Spring Boot server. */
@SpringBootApplication
@Theme("playground")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** The tab's icon: the notebook's X kernel (browsers otherwise ask for a /favicon.ico that is not there). */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addLink("icons/favicon.svg", java.util.Map.of("rel", "icon", "type", "image/svg+xml"));
    }
}

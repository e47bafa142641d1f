package org.convplay.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.convplay.AppTest;
import org.convplay.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page works under the Content-Security-Policy: each is opened in headless Chromium, rendered by Vaadin, and
 * its console holds no report of something the policy refused (Chromium writes each refusal there as an error).
 * Needs the production frontend bundle, as the other browser tests.
 */
@AppTest
class ContentSecurityPolicyIT {

    @LocalServerPort
    int port;

    @Test
    void noPageBreaksThePolicy() throws Exception {
        String id = saveExperiment();
        List<String> vaadinPages = List.of("/", "/compare", "/pipeline", "/images", "/animation", "/benchmark", "/exercises",
                "/exercises/practical-gray", "/experiments", "/e/" + id, "/login", "/signup", "/classroom");
        List<String> violations = new ArrayList<>();
        try (Browser browser = new Browser()) {
            for (String page : vaadinPages) {
                browser.open(url(page), java.time.Duration.ofSeconds(90));
                violations.addAll(violations(browser, page));
            }
            // not Vaadin pages: the embed (framed by other sites) and, where the application has it, Swagger UI
            browser.driver.get(url("/embed/" + id));
            violations.addAll(violations(browser, "/embed/" + id));
            if (status("/swagger-ui/index.html") == 200) {
                browser.driver.get(url("/swagger-ui/index.html"));
                Thread.sleep(2000);
                violations.addAll(violations(browser, "/swagger-ui/index.html"));
            }
            // the control: a script from another origin is refused, and the refusal is read from the console
            browser.open(url("/"));
            browser.script("const s = document.createElement('script'); s.src = 'https://elsewhere.example/x.js';"
                    + " document.head.appendChild(s);");
            Thread.sleep(1000);
            assertThat(violations(browser, "control")).as("a refusal the console must report").isNotEmpty();
        }
        assertThat(violations).as("console messages about the Content-Security-Policy").isEmpty();
    }

    private static List<String> violations(Browser browser, String page) {
        List<String> found = new ArrayList<>();
        for (LogEntry entry : browser.driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy") || entry.getMessage().contains("Content-Security-Policy")) {
                found.add(page + ": " + entry.getMessage());
            }
        }
        return found;
    }

    private String saveExperiment() throws Exception {
        HttpResponse<String> saved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/experiments")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"csp\", \"request\": {\"input\": [[1,2],[3,4]],"
                        + " \"layers\": [{\"type\": \"relu\"}]}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).isEqualTo(201);
        return saved.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

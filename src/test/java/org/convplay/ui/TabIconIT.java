package org.convplay.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.convplay.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every page names the tab's icon, and anyone may fetch it (no sign-in, the pages' Content-Security-Policy allows it). */
@AppTest
class TabIconIT {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePagesLinkTheIconAndItIsServedToAnyone() throws Exception {
        for (String page : new String[] {"/", "/exercises", "/login"}) {
            String html = get(page).body();
            assertThat(html).as(page).containsPattern("<link[^>]*rel=\"icon\"[^>]*>").contains("icons/favicon.svg");
        }
        HttpResponse<String> icon = get("/icons/favicon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(icon.body()).startsWith("<svg");
    }
}
